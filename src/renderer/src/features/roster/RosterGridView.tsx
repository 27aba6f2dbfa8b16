import { codeKey } from '@renderer/i18n/keys';
import AutoFixHighIcon from '@mui/icons-material/AutoFixHigh';
import PrintIcon from '@mui/icons-material/Print';
import PublishIcon from '@mui/icons-material/Publish';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutoFillResult, RosterGrid, RosterSlot } from '@shared/roster';
import { addDays, siteDay } from '@shared/siteDate';
import { call } from '@renderer/api/client';
import { ExportButtons } from '@renderer/components/ExportButtons';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { FormDialog } from '@renderer/components/FormDialog';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';
import { RosterByPersonTable } from './RosterByPersonTable';
import { RosterGridTable } from './RosterGridTable';
import { RosterPrints } from './RosterPrints';
import { SlotDialog } from './SlotDialog';

/** Monday of the week after today's, as a default for a new weekly roster. */
function nextMonday(): string {
  const today = siteDay(new Date());
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(today, 7 - weekday);
}

export function RosterGridView({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const canManage = useCan()('roster.manage');
  const periods = useApiQuery('roster.periods', { siteId });
  const [picked, setPicked] = useState<number | null>(null);
  const periodId = picked ?? periods.data?.[0]?.id ?? null;
  const grid = useApiQuery('roster.grid', { periodId: periodId ?? 0 }, { skip: periodId === null });
  const [shown, setShown] = useState<RosterGrid | null>(null);
  const current = shown && shown.period.id === periodId ? shown : (grid.data ?? null);
  const [openSlot, setOpenSlot] = useState<RosterSlot | null>(null);
  const [creating, setCreating] = useState(false);
  const [printing, setPrinting] = useState<'weekly' | 'duty' | null>(null);
  const [view, setView] = useState<'post' | 'person'>('post');
  const [personal, setPersonal] = useState<number | null>(null);
  const [unfilled, setUnfilled] = useState<AutoFillResult['unfilled']>([]);

  // The grid query was refetched by the write's invalidation; drop the copy a slot dialog handed up.
  const refresh = () => setShown(null);
  const run = (write: () => Promise<unknown>, done?: (value: unknown) => void) =>
    write().then(
      (value) => {
        done?.(value);
        refresh();
      },
      (error: unknown) => notify(errorText(t, error), 'error'),
    );

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          select
          label={t('roster.period')}
          value={periodId ?? ''}
          onChange={(e) => {
            setPicked(Number(e.target.value));
            setShown(null);
          }}
          sx={{ minWidth: 240 }}
        >
          {(periods.data ?? []).map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.startsOn} – {p.endsOn}
            </MenuItem>
          ))}
        </TextField>
        {canManage && <Button onClick={() => setCreating(true)}>{t('roster.newPeriod')}</Button>}
        {current && (
          <Chip
            color={current.period.status === 'published' ? 'success' : 'default'}
            label={
              current.period.status === 'published'
                ? t('roster.published', { version: current.period.version })
                : t('roster.draft')
            }
          />
        )}
        {current && canManage && current.period.status === 'draft' && (
          <>
            <Button
              variant="contained"
              startIcon={<AutoFixHighIcon />}
              onClick={() =>
                void run(
                  () => call('roster.autoFill', { periodId: current.period.id }),
                  (r) => {
                    const result = r as AutoFillResult;
                    setUnfilled(result.unfilled);
                    notify(
                      t('roster.autoFilled', {
                        added: result.added,
                        unfilled: result.unfilled.length,
                      }),
                    );
                  },
                )
              }
            >
              {t('roster.autoFill')}
            </Button>
            <Button
              startIcon={<PublishIcon />}
              onClick={() =>
                void run(() => call('roster.publish', { periodId: current.period.id }))
              }
            >
              {t('roster.publish')}
            </Button>
          </>
        )}
        {current && (
          <>
            <Button startIcon={<PrintIcon />} onClick={() => setPrinting('weekly')}>
              {t('roster.printWeekly')}
            </Button>
            <Button startIcon={<PrintIcon />} onClick={() => setPrinting('duty')}>
              {t('roster.printDuty')}
            </Button>
            <ExportButtons
              formats={['xlsx']}
              make={() => call('roster.export', { periodId: current.period.id })}
            />
          </>
        )}
      </Stack>
      {periods.data?.length === 0 && <Alert severity="info">{t('roster.noPeriod')}</Alert>}
      {grid.error && <Alert severity="error">{errorText(t, grid.error)}</Alert>}
      {current && (
        <>
          <Typography data-testid="roster-summary">
            {t('roster.summary', {
              gaps: current.gaps,
              hard: current.hardViolations,
              soft: current.softViolations,
            })}
          </Typography>
          {unfilled.length > 0 && (
            <Alert severity="warning" onClose={() => setUnfilled([])} data-testid="unfilled">
              {unfilled.map((u) => (
                <div key={`${u.postId}/${u.templateId}/${u.day}`}>
                  {current.posts.find((p) => p.id === u.postId)?.name} ·{' '}
                  {current.templates.find((x) => x.id === u.templateId)?.name} · {u.day}：
                  {t('roster.missing', { count: u.missing })}（
                  {Object.entries(u.reasons)
                    .map(([code, n]) =>
                      code === 'no_staff_with_role'
                        ? t('rule.no_staff_with_role')
                        : t('roster.reasonCount', {
                            rule: t(codeKey('ruleShort', code)),
                            count: n,
                          }),
                    )
                    .join('；')}
                  ）
                </div>
              ))}
            </Alert>
          )}
          {current.period.status === 'published' && (
            <Alert severity="info">{t('roster.publishedNote')}</Alert>
          )}
          <ToggleButtonGroup
            exclusive
            size="small"
            value={view}
            onChange={(_e, v: 'post' | 'person' | null) => v && setView(v)}
            sx={{ alignSelf: 'flex-start' }}
          >
            <ToggleButton value="post">{t('roster.byPost')}</ToggleButton>
            <ToggleButton value="person">{t('roster.byPerson')}</ToggleButton>
          </ToggleButtonGroup>
          {view === 'post' ? (
            <RosterGridTable grid={current} onOpen={setOpenSlot} />
          ) : (
            <RosterByPersonTable grid={current} onPrint={setPersonal} />
          )}
          <SlotDialog
            grid={current}
            slot={openSlot}
            canManage={canManage}
            onClose={() => {
              setOpenSlot(null);
              refresh();
            }}
            onChanged={setShown}
          />
          <RosterPrints
            grid={current}
            which={printing}
            personal={personal}
            onClose={() => {
              setPrinting(null);
              setPersonal(null);
            }}
          />
        </>
      )}
      <FormDialog
        open={creating}
        title={t('roster.newPeriod')}
        fields={[
          { name: 'startsOn', label: t('roster.startsOn'), initial: nextMonday(), required: true },
          {
            name: 'endsOn',
            label: t('roster.endsOn'),
            initial: addDays(nextMonday(), 6),
            required: true,
          },
        ]}
        onSubmit={async (v) => {
          const p = await call('roster.createPeriod', {
            siteId,
            startsOn: v.startsOn ?? '',
            endsOn: v.endsOn ?? '',
          });
          setPicked(p.id);
        }}
        onDone={() => {
          setCreating(false);
          refresh();
        }}
        onClose={() => setCreating(false)}
      />
    </Stack>
  );
}
