import type { ExportedFile } from '@shared/accounts';

/**
 * Hands a file made in main to the user as a download. The same in both shells: Electron shows
 * its save dialog for it, a browser saves it to Downloads.
 */
export function saveFile(file: ExportedFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
