import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { FeverPanel } from './FeverPanel';
import { RoundSheetView } from './RoundSheetView';
import { useFeverCases } from './useFeverCases';

export type HealthTab = 'round' | 'fever';

/** Temperature rounds and fever handling. */
export function HealthPage(props: {
  siteId: number;
  tab: HealthTab;
  onTab: (tab: HealthTab) => void;
}) {
  const { t } = useTranslation();
  const settings = useApiQuery('settings.get', {});
  const fever = useFeverCases(props.siteId);
  const open = fever.data?.length ?? 0;
  return (
    <Box sx={{ p: 2, pt: 1 }}>
      <Tabs
        value={props.tab}
        onChange={(_e, v: HealthTab) => props.onTab(v)}
        sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
      >
        <Tab value="round" label={t('health.tabRound')} />
        <Tab
          value="fever"
          label={
            <span>
              {t('health.tabFever')}
              {open > 0 && (
                <Chip size="small" color="error" label={open} sx={{ ml: 1, height: 20 }} />
              )}
            </span>
          }
        />
      </Tabs>
      {props.tab === 'round' && settings.data && (
        <RoundSheetView siteId={props.siteId} roundTimes={settings.data.roundTimes} />
      )}
      {props.tab === 'fever' && <FeverPanel siteId={props.siteId} />}
    </Box>
  );
}
