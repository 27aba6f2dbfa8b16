import type { SxProps, Theme } from '@mui/material/styles';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { useTranslation } from 'react-i18next';
import { SITE_TIME_ZONE } from '@shared/siteDate';
import { DatesProvider } from './DatesProvider';
import { dayBound, fromPicker, pickerFormat, toPicker } from './pickerValue';

export interface DateInputProps {
  label: string;
  /** YYYY-MM-DD, or an ISO instant `withTime`; '' for none. */
  value: string;
  /** YYYY-MM-DD / an ISO instant, '' when cleared, INCOMPLETE_DATE while half typed. */
  onChange: (value: string) => void;
  withTime?: boolean;
  name?: string;
  maxDay?: string;
  required?: boolean;
  autoFocus?: boolean;
  error?: boolean;
  helperText?: string;
  onBlur?: () => void;
  sx?: SxProps<Theme>;
}

/** Wide enough for 2026-12-06 (08:30), the calendar button and the outline, in either language. */
const DATE_MIN_WIDTH = 160;
const DATE_TIME_MIN_WIDTH = 210;

/**
 * The one date (or date and time) field of the desk: typed section by section or picked from the
 * calendar, shown 2026-12-06 (08:30) in both languages, read on the site's clock. It brings its
 * own pickers' provider, so the pickers (and dayjs's locales) load with the pages and dialogs that
 * have a date field, never with the first screen.
 */
export function DateInput(props: DateInputProps) {
  const { i18n } = useTranslation();
  const withTime = props.withTime ?? false;
  const common = {
    label: props.label,
    value: toPicker(props.value, withTime),
    onChange: (v: Parameters<typeof fromPicker>[0]) => props.onChange(fromPicker(v, withTime)),
    format: pickerFormat(withTime),
    timezone: SITE_TIME_ZONE,
    maxDate: dayBound(props.maxDay),
    autoFocus: props.autoFocus,
    // Never narrower than its own text: in a crowded row a date field was squeezed to its icon.
    sx: [
      { minWidth: withTime ? DATE_TIME_MIN_WIDTH : DATE_MIN_WIDTH, flexShrink: 0 },
      ...(Array.isArray(props.sx) ? props.sx : [props.sx]),
    ],
    slotProps: {
      textField: {
        name: props.name,
        required: props.required,
        error: props.error,
        helperText: props.helperText,
        onBlur: props.onBlur,
      },
    },
  };
  return (
    <DatesProvider language={i18n.language === 'en' ? 'en' : 'zh-CN'}>
      {withTime ? <DateTimePicker {...common} ampm={false} /> : <DatePicker {...common} />}
    </DatesProvider>
  );
}
