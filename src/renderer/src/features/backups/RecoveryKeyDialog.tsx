import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { PrintPreview } from '@renderer/components/print/PrintPreview';
import { useSubmit } from '@renderer/components/useSubmit';
import { RecoverySheet } from './RecoverySheet';

interface Made {
  recoveryKey: string;
  createdAt: string;
}

/**
 * Makes a recovery key and shows it once: copy, print the A4 sheet, and confirm it was written
 * down before the dialog lets go. Closing without confirming is not offered: the key exists now.
 */
export function RecoveryKeyDialog(props: {
  open: boolean;
  replacing: boolean;
  /** `created`: a key was made and confirmed as written down (false: cancelled before). */
  onDone: (created: boolean) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const sites = useApiQuery('sites.list', { includeRetired: true });
  const [made, setMade] = useState<Made | null>(null);
  const [kept, setKept] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [copied, setCopied] = useState(false);

  const create = () =>
    void submit.run(async () => setMade(await call('backups.createRecoveryKey', {})));
  const done = () => {
    setMade(null);
    setKept(false);
    setCopied(false);
    props.onDone(true);
  };
  const siteName = sites.data?.map((s) => s.name).join('、') ?? '';

  return (
    <Dialog open={props.open} maxWidth="sm" fullWidth>
      <DialogTitle>{t('backups.keyDialogTitle')}</DialogTitle>
      <DialogContent>
        {!made ? (
          <Stack spacing={2}>
            <DialogContentText>{t('backups.keyDialogExplain')}</DialogContentText>
            {props.replacing && <Alert severity="info">{t('backups.keyReplaces')}</Alert>}
            {submit.message && <Alert severity="error">{submit.message}</Alert>}
          </Stack>
        ) : (
          <Stack spacing={2}>
            <Alert severity="warning">{t('backups.keyShownOnce')}</Alert>
            <Typography
              data-testid="recovery-key"
              sx={{
                fontFamily: 'monospace',
                fontSize: 20,
                letterSpacing: '0.06em',
                textAlign: 'center',
                p: 2,
                border: 1,
                borderColor: 'divider',
                borderRadius: 1,
                userSelect: 'all',
                wordBreak: 'break-all',
              }}
            >
              {made.recoveryKey}
            </Typography>
            <Stack direction="row" spacing={1}>
              <Button
                onClick={() =>
                  void navigator.clipboard?.writeText(made.recoveryKey).then(
                    () => setCopied(true),
                    () => undefined,
                  )
                }
              >
                {copied ? t('backups.keyCopied') : t('backups.keyCopy')}
              </Button>
              <Button onClick={() => setPrinting(true)}>{t('backups.keyPrint')}</Button>
            </Stack>
            <FormControlLabel
              control={<Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)} />}
              label={t('backups.keyWrittenDown')}
            />
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {!made ? (
          <>
            <Button onClick={() => props.onDone(false)}>{t('common.cancel')}</Button>
            <Button variant="contained" onClick={create} disabled={submit.busy}>
              {t('backups.keyCreate')}
            </Button>
          </>
        ) : (
          <Button variant="contained" onClick={done} disabled={!kept}>
            {t('backups.keyDone')}
          </Button>
        )}
      </DialogActions>
      {made && (
        <PrintPreview
          title={t('backups.sheetTitle')}
          open={printing}
          onClose={() => setPrinting(false)}
        >
          <RecoverySheet siteName={siteName} {...made} />
        </PrintPreview>
      )}
    </Dialog>
  );
}
