import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUDIT_OUTCOMES,
  type AuditEntry,
  type AuditOutcome,
  type AuditVerification,
} from '@shared/accounts';
import type { AuditFilter } from '@shared/contract';
import { call } from '@renderer/api/client';
import { ExportButtons } from '@renderer/components/ExportButtons';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { FilterSelect } from '@renderer/components/FilterSelect';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';
import { AuditVerificationAlert } from './AuditVerificationAlert';
import { formatDateTime } from '@renderer/i18n/dates';
import { DateInput } from '@renderer/components/dates/DateInput';
import { isDay } from '@renderer/components/dates/pickerValue';

const ENTITIES = [
  'site',
  'building',
  'floor',
  'room',
  'room_status',
  'setting',
  'user',
  'user_role',
];
const OUTCOME_COLOR: Record<AuditOutcome, 'default' | 'warning' | 'error'> = {
  ok: 'default',
  denied: 'warning',
  failed: 'error',
};

/** A date field's day as the start of that local day, in UTC ISO; `end` gives the next day's start. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (end) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

function changesText(changes: AuditEntry['changes']): string {
  return Object.entries(changes)
    .map(
      ([field, [before, after]]) =>
        `${field}: ${before === null ? '∅' : String(before)} → ${after === null ? '∅' : String(after)}`,
    )
    .join('; ');
}

export function AuditPanel() {
  const { t } = useTranslation();
  const notify = useNotify();
  const can = useCan();
  const users = useApiQuery('users.list', {}, { skip: !can('users.manage') });
  const [userId, setUserId] = useState<number | ''>('');
  const [method, setMethod] = useState('');
  const [entity, setEntity] = useState<string | ''>('');
  const [outcome, setOutcome] = useState<AuditOutcome | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rows, setRows] = useState<{ key: string; entries: AuditEntry[]; next: number | null }>({
    key: '',
    entries: [],
    next: null,
  });
  const [error, setError] = useState<unknown>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);

  const filter: AuditFilter = {
    ...(userId === '' ? {} : { userId }),
    ...(method.trim() ? { method: method.trim() } : {}),
    ...(entity === '' ? {} : { entity }),
    ...(outcome === '' ? {} : { outcome }),
    ...(from ? { from: dayBoundary(from, false) } : {}),
    ...(to ? { to: dayBoundary(to, true) } : {}),
  };
  const key = JSON.stringify(filter);

  useEffect(() => {
    let live = true;
    call('audit.page', { filter: JSON.parse(key) as AuditFilter, limit: 50 }).then(
      (page) => live && setRows({ key, entries: page.rows, next: page.nextCursor }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [key]);

  const loadMore = async () => {
    if (rows.next === null) return;
    try {
      const page = await call('audit.page', { filter, cursor: rows.next, limit: 50 });
      setRows((r) => ({ ...r, entries: [...r.entries, ...page.rows], next: page.nextCursor }));
    } catch (e) {
      setError(e);
    }
  };
  const verify = async () => {
    try {
      setVerification(await call('audit.verify', {}));
    } catch (e) {
      notify(errorText(t, e), 'error');
    }
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        {users.data && (
          <FilterSelect
            label={t('audit.user')}
            value={userId}
            options={users.data.map((u) => ({
              value: u.id,
              label: `${u.displayName} (${u.username})`,
            }))}
            onChange={setUserId}
          />
        )}
        <TextField
          label={t('audit.method')}
          value={method}
          onChange={(e) => setMethod(e.target.value)}
          placeholder="rooms / auth.login"
          sx={{ width: 180 }}
        />
        <FilterSelect
          label={t('audit.entity')}
          value={entity}
          options={ENTITIES.map((e) => ({ value: e, label: e }))}
          onChange={setEntity}
          width={140}
        />
        <FilterSelect
          label={t('audit.outcome')}
          value={outcome}
          options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome_${o}`) }))}
          onChange={setOutcome}
          width={120}
        />
        <DateInput
          label={t('audit.from')}
          value={from}
          onChange={(v) => (v === '' || isDay(v)) && setFrom(v)}
        />
        <DateInput
          label={t('audit.to')}
          value={to}
          onChange={(v) => (v === '' || isDay(v)) && setTo(v)}
        />
        <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
          <ExportButtons make={(format) => call('audit.export', { filter, format })} />
          <Button onClick={() => void verify()}>{t('audit.verify')}</Button>
        </Stack>
      </Stack>
      {verification && (
        <AuditVerificationAlert verification={verification} onClose={() => setVerification(null)} />
      )}
      {error !== null && <Alert severity="error">{errorText(t, error)}</Alert>}
      {/* Its long change texts make it wider than a 1024 px page: it scrolls, not the page. */}
      <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={t('admin.tabAudit')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('audit.time')}</TableCell>
              <TableCell>{t('audit.user')}</TableCell>
              <TableCell>{t('audit.method')}</TableCell>
              <TableCell>{t('audit.outcome')}</TableCell>
              <TableCell>{t('audit.entity')}</TableCell>
              <TableCell>{t('audit.changes')}</TableCell>
              <TableCell>{t('audit.detail')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.entries.map((e) => (
              <TableRow key={e.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</TableCell>
                <TableCell>{e.username ?? '—'}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{e.method}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={OUTCOME_COLOR[e.outcome]}
                    label={t(`audit.outcome_${e.outcome}`)}
                  />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {e.entity ? `${e.entity} #${e.entityId ?? ''}` : ''}
                </TableCell>
                <TableCell sx={{ maxWidth: 420, wordBreak: 'break-word', fontSize: 12 }}>
                  {changesText(e.changes)}
                </TableCell>
                <TableCell sx={{ fontSize: 12 }}>{e.detail ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {rows.key === key && rows.entries.length === 0 && (
          <Alert severity="info">{t('audit.noRows')}</Alert>
        )}
      </Paper>
      {rows.next !== null && (
        <Button onClick={() => void loadMore()} sx={{ alignSelf: 'center' }}>
          {t('audit.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
