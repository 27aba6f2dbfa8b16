import type { Language } from '../domain';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

const CATALOGUES: Record<Language, Messages> = { 'zh-CN': zhCN, en };

/**
 * The catalogue in one language, for what main writes itself (exports, menus, dialogs). Read it by
 * property (`messagesFor(language).status.available`), so a wrong key fails to compile exactly as
 * it does for the renderer's typed t().
 */
export const messagesFor = (language: Language): Messages => CATALOGUES[language];

/**
 * Fills `{{name}}` placeholders the way i18next does for the renderer (no escaping: the text goes
 * into a file, not into HTML). A placeholder without a value stays as it is, so a gap shows.
 */
export function interpolate(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
