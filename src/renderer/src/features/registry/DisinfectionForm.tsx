import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/api/client';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';

/** The gate before reuse: who disinfected, when, with what and how strong. */
export function DisinfectionForm({
  roomId,
  roomNumber,
  onDone,
}: {
  roomId: number;
  roomNumber: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [operator, setOperator] = useState('');
  const [agent, setAgent] = useState(() => t('disinfection.agentDefault'));
  const [concentration, setConcentration] = useState(() => t('disinfection.concentrationDefault'));
  const submit = useSubmit();
  const record = async () => {
    const ok = await submit.run(() =>
      call('rooms.disinfect', {
        roomId,
        operator,
        performedAt: new Date().toISOString(),
        agent,
        concentration,
        notes: '',
      }),
    );
    if (ok) {
      notify(t('disinfection.done', { room: roomNumber }));
      onDone?.();
    }
  };
  return (
    <Stack
      component="form"
      spacing={1.5}
      onSubmit={(e) => {
        e.preventDefault();
        void record();
      }}
    >
      <Typography variant="subtitle2">{t('disinfection.title')}</Typography>
      <Stack direction="row" spacing={1}>
        <TextField
          label={t('disinfection.operator')}
          value={operator}
          onChange={(e) => setOperator(e.target.value)}
          error={!!submit.fields.operator}
          helperText={submit.fields.operator}
          required
        />
        <TextField
          label={t('disinfection.agent')}
          value={agent}
          onChange={(e) => setAgent(e.target.value)}
          required
        />
        <TextField
          label={t('disinfection.concentration')}
          value={concentration}
          onChange={(e) => setConcentration(e.target.value)}
          sx={{ width: 130 }}
          required
        />
      </Stack>
      {submit.message && <Alert severity="error">{submit.message}</Alert>}
      <Button
        type="submit"
        variant="contained"
        disabled={submit.busy}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('disinfection.record')}
      </Button>
    </Stack>
  );
}
