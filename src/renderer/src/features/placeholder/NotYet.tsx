import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

export function NotYet({ section }: { section: string }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ p: 4 }}>
      <Typography variant="h6" component="h1">
        {t('notYet.title', { section })}
      </Typography>
      <Typography color="text.secondary">{t('notYet.body')}</Typography>
    </Box>
  );
}
