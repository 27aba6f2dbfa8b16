import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { STOCK_CATEGORIES, type StockCategory } from '../../../../shared/stock';

/** An item's category (防护用品, 消杀用品 …), in the catalogue and for a new item in an import. */
export function CategorySelect(props: {
  value: StockCategory;
  onChange: (category: StockCategory) => void;
  size?: 'small';
}) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      size={props.size}
      label={t('stock.category')}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as StockCategory)}
      sx={{ minWidth: 120 }}
    >
      {STOCK_CATEGORIES.map((c) => (
        <MenuItem key={c} value={c}>
          {t(`stockCategory.${c}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
