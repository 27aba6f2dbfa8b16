import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/api/client';
import { useAuth } from '@renderer/auth/AuthContext';
import { ChangePasswordDialog } from './ChangePasswordDialog';

export function UserMenu() {
  const { t } = useTranslation();
  const { status, refresh } = useAuth();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [changing, setChanging] = useState(false);
  const user = status.user;
  if (!user) return null;
  const act = (fn: () => Promise<unknown>) => () => {
    setAnchor(null);
    void fn().finally(refresh);
  };
  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircleIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        {user.displayName}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem disabled>
          <ListItemText
            primary={t('auth.signedInAs', { name: `${user.displayName} (${user.username})` })}
            secondary={user.roles.map((r) => t(`roles.${r}`)).join('、')}
          />
        </MenuItem>
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setChanging(true);
          }}
        >
          {t('auth.changePassword')}
        </MenuItem>
        <MenuItem onClick={act(() => call('auth.lock', {}))}>{t('auth.lock')}</MenuItem>
        <MenuItem onClick={act(() => call('auth.logout', {}))}>{t('auth.logout')}</MenuItem>
      </Menu>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
