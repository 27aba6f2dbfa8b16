import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_PASSWORD_MIN, type ArchiveProtection } from '@shared/privacy';

export interface ProtectionDraft {
  kind: ArchiveProtection['kind'];
  password: string;
  confirm: string;
  protectMyself: boolean;
}

export const EMPTY_PROTECTION: ProtectionDraft = {
  kind: 'zip',
  password: '',
  confirm: '',
  protectMyself: false,
};

/** The protection to send, or null while the choice is incomplete (the buttons stay disabled). */
export function protectionOf(draft: ProtectionDraft): ArchiveProtection | null {
  if (draft.kind === 'plain')
    return draft.protectMyself ? { kind: 'plain', protectMyself: true } : null;
  if (draft.password.length < ARCHIVE_PASSWORD_MIN || draft.password !== draft.confirm) return null;
  return { kind: 'zip', password: draft.password };
}

/**
 * How the archive leaves the desk: an AES-256 zip with a password typed here (the default), or a
 * plain workbook only after the administrator ticks that they will protect it themselves.
 */
export function ArchiveProtectionChoice(props: {
  draft: ProtectionDraft;
  onChange: (draft: ProtectionDraft) => void;
  serverProblem?: string | undefined;
}) {
  const { t } = useTranslation();
  const { draft, onChange } = props;
  const set = (patch: Partial<ProtectionDraft>) => onChange({ ...draft, ...patch });
  const short = draft.password.length > 0 && draft.password.length < ARCHIVE_PASSWORD_MIN;
  const mismatch = draft.confirm.length > 0 && draft.confirm !== draft.password;
  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      <RadioGroup
        value={draft.kind}
        onChange={(e) => set({ kind: e.target.value as ProtectionDraft['kind'] })}
      >
        <FormControlLabel value="zip" control={<Radio />} label={t('privacy.protectZip')} />
        {draft.kind === 'zip' && (
          <Stack spacing={1} sx={{ pl: 4, maxWidth: 480 }}>
            <TextField
              type="password"
              size="small"
              label={t('privacy.zipPassword')}
              value={draft.password}
              onChange={(e) => set({ password: e.target.value })}
              error={short || props.serverProblem !== undefined}
              helperText={
                props.serverProblem ??
                (short ? t('fieldErrors.archive_password_short') : t('privacy.zipPasswordHelp'))
              }
              autoComplete="new-password"
            />
            <TextField
              type="password"
              size="small"
              label={t('privacy.zipPasswordConfirm')}
              value={draft.confirm}
              onChange={(e) => set({ confirm: e.target.value })}
              error={mismatch}
              helperText={mismatch ? t('privacy.zipPasswordMismatch') : ' '}
              autoComplete="new-password"
            />
          </Stack>
        )}
        <FormControlLabel value="plain" control={<Radio />} label={t('privacy.protectPlain')} />
        {draft.kind === 'plain' && (
          <FormControlLabel
            sx={{ pl: 4 }}
            control={
              <Checkbox
                checked={draft.protectMyself}
                onChange={(e) => set({ protectMyself: e.target.checked })}
              />
            }
            label={t('privacy.protectMyself')}
          />
        )}
      </RadioGroup>
    </Stack>
  );
}
