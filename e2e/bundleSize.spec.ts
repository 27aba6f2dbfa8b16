import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The first script: what out/renderer/index.html loads before the sign-in form can show — its
 * module script, its modulepreloads and everything they import statically (never what they import
 * on demand). Issue 20 asks for at most 600 KB: React, MUI's core, i18next, the query cache and the
 * Chinese catalogue are most of it (about 570 KB). The frame, its sections, setting up and the
 * date pickers load after the sign-in form, so a chart, a grid, a date picker or a page imported
 * into the sign-in screens (or into App's static imports) fails this test.
 */
const INITIAL_SCRIPT_BOUND = 600 * 1024;
const RENDERER = resolve(__dirname, '../out/renderer');

const STATIC_IMPORT =
  /\bimport\s*(?:\{[^}]*\}|[\w$*\s,]+)?\s*(?:from\s*)?["']\.\/([^"']+\.js)["']/g;

function initialScripts(): string[] {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]*\ssrc="\.\/assets\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\.\/assets\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(RENDERER, 'assets', file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) visit(m[1]!);
  };
  entries.forEach(visit);
  return [...seen];
}

test('the first script stays under its bound; sections, prints and libraries load on demand', () => {
  const files = initialScripts();
  const bytes = files.reduce((sum, f) => sum + statSync(join(RENDERER, 'assets', f)).size, 0);
  test.info().annotations.push({ type: 'initial script', description: `${bytes} bytes` });
  expect(files.length).toBeGreaterThan(0);
  expect(bytes).toBeLessThanOrEqual(INITIAL_SCRIPT_BOUND);
  // No inline script for the CSP: index.html loads modules from files only.
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  // Each section page is a chunk of its own, outside the first script.
  const pages = ['TodayPage', 'ResidentsPage', 'HealthPage', 'ReportsPage', 'StockPage'];
  const assets = readFileSync(join(RENDERER, 'index.html'), 'utf8') + files.join('\n');
  for (const page of pages) expect(assets).not.toContain(page);
});
