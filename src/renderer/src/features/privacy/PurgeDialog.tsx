import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '@shared/domain';
import { PURGE_PHRASES, type PurgePreview, type PurgeResult } from '@shared/privacy';
import { call } from '@renderer/api/client';
import { useSubmit } from '@renderer/components/useSubmit';

/** The last step: the administrator types the phrase shown; main checks it again. */
export function PurgeDialog(props: {
  preview: PurgePreview;
  onClose: () => void;
  onDone: (result: PurgeResult) => void;
}) {
  const { t, i18n } = useTranslation();
  const phrase = PURGE_PHRASES[(i18n.language === 'en' ? 'en' : 'zh-CN') as Language];
  const [typed, setTyped] = useState('');
  const submit = useSubmit();
  const purge = () => {
    let result: PurgeResult | undefined;
    void submit
      .run(async () => {
        result = await call('privacy.purge', { cutoffDay: props.preview.cutoffDay, phrase: typed });
      })
      .then((ok) => ok && result && props.onDone(result));
  };
  return (
    <Dialog open onClose={submit.busy ? undefined : props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('privacy.confirmTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {t('privacy.confirmText', {
            people: props.preview.counts.people,
            cutoff: props.preview.cutoffDay,
          })}
        </DialogContentText>
        <DialogContentText sx={{ mb: 1 }}>
          {t('privacy.typePhrase')} <strong data-testid="purge-phrase">{phrase}</strong>
        </DialogContentText>
        <TextField
          autoFocus
          fullWidth
          label={t('privacy.phrase')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          error={!!submit.fields.phrase}
          helperText={submit.fields.phrase}
        />
        {submit.message && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {submit.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={submit.busy}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="contained"
          color="error"
          disabled={submit.busy || typed.trim() !== phrase}
          onClick={purge}
        >
          {submit.busy ? t('privacy.purging') : t('privacy.purgeNow')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
