import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { enUS, zhCN } from '@mui/x-date-pickers/locales';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import type { Language } from '@shared/domain';

const pickerTexts = (language: Language) =>
  (language === 'en' ? enUS : zhCN).components.MuiLocalizationProvider.defaultProps.localeText;

/** The date pickers speak the desk's language (month names, week from Monday, button words). */
export function DatesProvider({ language, children }: { language: Language; children: ReactNode }) {
  return (
    <LocalizationProvider
      dateAdapter={AdapterDayjs}
      adapterLocale={language === 'en' ? 'en' : 'zh-cn'}
      localeText={pickerTexts(language)}
    >
      {children}
    </LocalizationProvider>
  );
}
