import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '@renderer/auth/AuthContext';
import { AuditPanel } from './AuditPanel';
import { BackupsPanel } from '@renderer/features/backups/BackupsPanel';
import { HostPanel } from '@renderer/features/host/HostPanel';
import { HealthSettingsPanel } from '@renderer/features/settings/HealthSettingsPanel';
import { ObservationPanel } from '@renderer/features/settings/ObservationPanel';
import { PrivacyTab } from '@renderer/features/privacy/PrivacyTab';
import { RosterSettingsPanel } from '@renderer/features/settings/RosterSettingsPanel';
import { SecurityPanel } from '@renderer/features/settings/SecurityPanel';
import { SessionsPanel } from './SessionsPanel';
import { UsersPanel } from './UsersPanel';

type AdminTab = 'users' | 'audit' | 'security' | 'backups' | 'privacy';

export function AdminPage() {
  const { t } = useTranslation();
  const can = useCan();
  const tabs: AdminTab[] = [
    ...(can('users.manage') ? (['users'] as const) : []),
    ...(can('audit.read') ? (['audit'] as const) : []),
    ...(can('settings.manage') ? (['security', 'backups'] as const) : []),
    ...(can('privacy.manage') ? (['privacy'] as const) : []),
  ];
  const [picked, setPicked] = useState<AdminTab | null>(null);
  const tab = picked && tabs.includes(picked) ? picked : tabs[0];
  const label: Record<AdminTab, string> = {
    users: t('admin.tabUsers'),
    audit: t('admin.tabAudit'),
    security: t('admin.tabSecurity'),
    backups: t('admin.tabBackups'),
    privacy: t('admin.tabPrivacy'),
  };
  return (
    <Box sx={{ p: 2, pt: 1 }}>
      <Tabs
        value={tab ?? false}
        onChange={(_e, v: AdminTab) => setPicked(v)}
        sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
      >
        {tabs.map((x) => (
          <Tab key={x} value={x} label={label[x]} />
        ))}
      </Tabs>
      {tab === 'users' && (
        <>
          <UsersPanel />
          <SessionsPanel />
        </>
      )}
      {tab === 'audit' && <AuditPanel />}
      {tab === 'backups' && <BackupsPanel />}
      {tab === 'privacy' && <PrivacyTab />}
      {tab === 'security' && (
        <>
          <SecurityPanel />
          <HostPanel />
          <ObservationPanel />
          <HealthSettingsPanel />
          <RosterSettingsPanel />
        </>
      )}
    </Box>
  );
}
