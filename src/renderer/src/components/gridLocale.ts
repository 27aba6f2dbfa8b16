import { enUS, zhCN } from '@mui/x-data-grid/locales';
import { useTranslation } from 'react-i18next';

/**
 * The data grid's own words (pagination, sorting menus) in the desk's language. Given to each
 * grid rather than through the theme, so the grid's catalogue loads with the pages that have grids.
 */
export function useGridLocaleText() {
  const { i18n } = useTranslation();
  return (i18n.language === 'en' ? enUS : zhCN).components.MuiDataGrid.defaultProps.localeText;
}
