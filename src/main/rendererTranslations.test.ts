import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../shared/i18n/en';
import { zhCN } from '../shared/i18n/zh-CN';

// Here, in main's tree, because it reads the renderer's sources from disk: the renderer's own
// tree may not use Node (lint and tsconfig forbid it).
const RENDERER = join(__dirname, '..', 'renderer', 'src');

/** Every source file of the renderer. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const lookup = (messages: object, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);

describe('translation keys', () => {
  it('every literal t("…") key of the renderer exists as a string in both languages', () => {
    const keys = new Set<string>();
    for (const file of sources(RENDERER)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/g))
        keys.add(match[1]!);
    }
    expect(keys.size).toBeGreaterThan(100);
    const missing = [...keys].flatMap((key) =>
      (
        [
          ['zh-CN', zhCN],
          ['en', en],
        ] as const
      )
        .filter(([, messages]) => typeof lookup(messages, key) !== 'string')
        .map(([language]) => `${language}: ${key}`),
    );
    expect(missing).toEqual([]);
  });
});
