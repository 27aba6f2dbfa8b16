import { LANGUAGES, type Language, type Settings } from '../../shared/domain';
import type { ServiceContext } from './context';

const DEFAULTS: Settings = { language: 'zh-CN' };

function readSetting(ctx: ServiceContext, key: string): string | undefined {
  return ctx.db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(key)?.value;
}

export function getSettings(ctx: ServiceContext): Settings {
  const language = readSetting(ctx, 'language');
  return {
    language: LANGUAGES.includes(language as Language) ? (language as Language) : DEFAULTS.language,
  };
}

export function updateSettings(ctx: ServiceContext, input: Settings): Settings {
  ctx.db
    .prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    )
    .run('language', input.language);
  return getSettings(ctx);
}
