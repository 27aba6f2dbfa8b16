import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES, type ListPreview } from '@shared/imports';
import { readBase64 } from '@renderer/api/readFile';
import { codeText, fileProblemText } from './reasonText';

/** A picked file as main's import methods take it. */
export interface PickedFile {
  fileName: string;
  base64: string;
}

const okLines = (preview: ListPreview) =>
  new Set(preview.rows.filter((r) => r.ok).map((r) => r.line));

/**
 * A list import's state up to the preview: the file picked, main's preview of it, the rows chosen
 * (every sound row at first), and why a file could not be read. Only the answer to the latest
 * request is kept, so a file picked while another is read wins.
 */
export function useListPreview<P extends ListPreview>(
  load: (file: PickedFile) => Promise<P>,
  /** The rows chosen at first; every sound row unless a list says otherwise. */
  chosenAtFirst: (preview: P) => Set<number> = okLines,
) {
  const { t } = useTranslation();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef(0);

  const run = useCallback(
    async (picked: PickedFile) => {
      const mine = ++latest.current;
      setReading(true);
      setProblem(null);
      try {
        const result = await load(picked);
        if (mine !== latest.current) return;
        setPreview(result);
        setSelected(chosenAtFirst(result));
      } catch (error) {
        if (mine !== latest.current) return;
        setPreview(null);
        setProblem(fileProblemText(t, error));
      } finally {
        if (mine === latest.current) setReading(false);
      }
    },
    [load, chosenAtFirst, t],
  );

  const pick = useCallback(
    async (chosen: File) => {
      setPreview(null);
      setFile(null);
      if (chosen.size > MAX_IMPORT_BYTES) {
        setProblem(codeText(t, 'file_too_large', { max: MAX_IMPORT_BYTES / 1024 / 1024 }));
        return;
      }
      let picked: PickedFile;
      try {
        picked = { fileName: chosen.name, base64: await readBase64(chosen) };
      } catch {
        setProblem(codeText(t, 'file_unreadable'));
        return;
      }
      setFile(picked);
      await run(picked);
    },
    [run, t],
  );

  /** Reads the same file again, e.g. after main refused an import because the data changed. */
  const reload = useCallback(async () => {
    if (file) await run(file);
  }, [file, run]);

  return { file, preview, selected, setSelected, reading, problem, pick, reload };
}
