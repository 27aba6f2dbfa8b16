import { join, normalize, sep } from 'node:path';

/**
 * The file under `rootDir` that a URL path names, or null when the path is malformed or
 * escapes the folder. Shared by the app:// protocol and the browser shell.
 */
export function resolveStaticPath(rootDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = normalize(join(rootDir, relative));
  return file.startsWith(rootDir + sep) ? file : null;
}
