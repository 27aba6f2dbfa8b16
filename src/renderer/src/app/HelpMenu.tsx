import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@shared/domain';
import { HelpDialogs, type HelpDialog } from './HelpDialogs';

/**
 * The app bar's 帮助 button (the browser shell's only menu; the Electron menu opens the same
 * dialogs) and the dialogs themselves.
 */
export function HelpMenu(props: {
  info: AppInfo;
  open: HelpDialog | null;
  onOpen: (dialog: HelpDialog | null) => void;
}) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const choose = (dialog: HelpDialog) => () => {
    setAnchor(null);
    props.onOpen(dialog);
  };
  return (
    <>
      <IconButton
        color="inherit"
        aria-label={t('desk.help')}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <HelpOutlineIcon />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={choose('shortcuts')}>
          <ListItemText>{t('desk.shortcuts')}</ListItemText>
          <Typography variant="body2" color="text.secondary" sx={{ ml: 3 }}>
            F1
          </Typography>
        </MenuItem>
        <MenuItem onClick={choose('about')}>{t('desk.about')}</MenuItem>
      </Menu>
      <HelpDialogs info={props.info} open={props.open} onClose={() => props.onOpen(null)} />
    </>
  );
}
