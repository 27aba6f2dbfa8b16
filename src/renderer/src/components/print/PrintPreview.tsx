import CloseIcon from '@mui/icons-material/Close';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '@renderer/api/client';
import { saveFile } from '@renderer/api/saveFile';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';
import { mark } from '@renderer/app/pageMarks';
import './print.css';

const PRINT_ROOT_ID = 'print-root';

/** The one element the printer sees (print.css hides every other child of <body>); made once. */
function printRoot(): HTMLElement {
  const existing = document.getElementById(PRINT_ROOT_ID);
  if (existing) return existing;
  const element = document.createElement('div');
  element.id = PRINT_ROOT_ID;
  document.body.appendChild(element);
  return element;
}

/**
 * Electron prints the window (print CSS: this document alone) to a PDF and hands it over as a
 * download; the browser shell cannot, and opens the print dialog, whose printers include
 * "Save as PDF".
 */
async function savePdf(filename: string): Promise<void> {
  try {
    saveFile(await call('print.toPdf', { filename }));
  } catch (error) {
    if (error instanceof ApiCallError && error.error.code === 'NOT_AVAILABLE') window.print();
    else throw error;
  }
}

/**
 * A full-screen preview of an A4 document with a Print button. `window.print()` opens the system
 * print dialog in Electron and in the browser (where "Save as PDF" is one of the printers).
 */
export function PrintPreview(props: {
  title: string;
  open: boolean;
  onClose: () => void;
  /** Choices shown beside the title (what to print); never printed. */
  controls?: ReactNode;
  /** Offer "Save as PDF" under this file name. */
  pdfName?: string;
  /** A4 landscape (the document uses the print-landscape class). */
  landscape?: boolean;
  /** The document; null while it loads. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const titleId = useId();
  const ready = props.children !== null && props.children !== undefined;
  return (
    <Dialog fullScreen open={props.open} onClose={props.onClose} aria-labelledby={titleId}>
      <AppBar position="sticky" color="default" elevation={1}>
        <Toolbar variant="dense" sx={{ gap: 1 }}>
          <IconButton edge="start" onClick={props.onClose} aria-label={t('common.close')}>
            <CloseIcon />
          </IconButton>
          <Typography id={titleId} variant="h6" sx={{ flex: 1 }}>
            {props.title}
          </Typography>
          {props.controls}
          {props.pdfName && (
            <Button
              startIcon={<PictureAsPdfIcon />}
              disabled={!ready}
              onClick={() =>
                savePdf(props.pdfName!).catch((error: unknown) =>
                  notify(errorText(t, error), 'error'),
                )
              }
            >
              {t('print.savePdf')}
            </Button>
          )}
          <Button
            variant="contained"
            startIcon={<PrintIcon />}
            disabled={!ready}
            onClick={() => window.print()}
            {...mark('print')}
          >
            {t('print.print')}
          </Button>
        </Toolbar>
      </AppBar>
      <Box sx={{ bgcolor: 'grey.300', flex: 1, overflow: 'auto', py: 1 }}>
        <div
          className={props.landscape ? 'print-sheet landscape' : 'print-sheet'}
          data-testid="print-sheet"
        >
          {props.children}
        </div>
      </Box>
      {props.open && ready && createPortal(props.children, printRoot())}
    </Dialog>
  );
}
