import { createTheme } from '@mui/material/styles';
import { zhCN as coreZhCN, enUS as coreEnUS } from '@mui/material/locale';
import type { Language } from '@shared/domain';

/** Chinese first: the office PCs are mostly Windows (YaHei); Linux gets Noto CJK. */
export const FONT_STACK = [
  '"Microsoft YaHei"',
  '"PingFang SC"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"Hiragino Sans GB"',
  '"Segoe UI"',
  'Roboto',
  'Arial',
  'sans-serif',
].join(', ');

export function makeTheme(language: Language) {
  // The data grids take their words from components/gridLocale.ts.
  const locales = language === 'en' ? [coreEnUS] : [coreZhCN];
  return createTheme(
    {
      palette: {
        primary: { main: '#1f5fa8' },
        secondary: { main: '#b4302c' },
        background: { default: '#f4f6f9' },
      },
      typography: { fontFamily: FONT_STACK, fontSize: 14 },
      shape: { borderRadius: 6 },
      components: {
        // Chinese labels have no case; upper-casing only mangles the Latin words among them.
        MuiButton: {
          defaultProps: { disableElevation: true },
          styleOverrides: { root: { textTransform: 'none' } },
        },
        MuiTab: { styleOverrides: { root: { textTransform: 'none' } } },
        // A page's tab strip shares its row with a store picker or a button: on a 1280 or 1366
        // px office screen the tabs scroll (arrows appear) instead of running under them.
        MuiTabs: {
          defaultProps: { variant: 'scrollable', scrollButtons: 'auto' },
          styleOverrides: { root: { minWidth: 0 } },
        },
        // A dialog whose title, fields and buttons sit in one <form>: the form is a flex column
        // like the paper, so on a short screen (768 px at 125 %) the fields scroll between the
        // title and the buttons and Save stays in view, instead of the whole dialog scrolling.
        MuiDialog: {
          styleOverrides: {
            paper: { '& > form': { display: 'flex', flexDirection: 'column', minHeight: 0 } },
          },
        },
        MuiTextField: { defaultProps: { size: 'small' } },
        MuiSelect: { defaultProps: { size: 'small' } },
      },
    },
    ...locales,
  );
}
