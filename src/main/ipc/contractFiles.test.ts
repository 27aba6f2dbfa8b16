import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';

const contractDir = join(__dirname, '../../shared/contract');

/** Every `…Methods` object each contract file exports, by file name. */
async function methodsByFile(): Promise<Map<string, string[]>> {
  const files = readdirSync(contractDir).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  const byFile = new Map<string, string[]>();
  for (const file of files) {
    const module: Record<string, unknown> = await import(join(contractDir, file));
    for (const [exported, value] of Object.entries(module)) {
      if (!exported.endsWith('Methods') || typeof value !== 'object' || value === null) continue;
      byFile.set(file, [...(byFile.get(file) ?? []), ...Object.keys(value)]);
    }
  }
  return byFile;
}

describe('the contract', () => {
  it('keeps every method of one prefix in one contract file', async () => {
    const fileOfPrefix = new Map<string, string>();
    const clashes: string[] = [];
    for (const [file, names] of await methodsByFile()) {
      for (const name of names) {
        const prefix = name.split('.')[0]!;
        const owner = fileOfPrefix.get(prefix);
        if (owner !== undefined && owner !== file) clashes.push(`${name}: ${owner} and ${file}`);
        fileOfPrefix.set(prefix, file);
      }
    }
    expect(fileOfPrefix.get('settings')).toBe('settings.ts');
    expect(fileOfPrefix.get('rooms')).toBe('rooms.ts');
    expect(clashes).toEqual([]);
  });

  it('names each contract file after the one prefix all its methods carry', async () => {
    const strangers: string[] = [];
    const byFile = await methodsByFile();
    for (const [file, names] of byFile) {
      const prefix = basename(file, '.ts');
      for (const name of names)
        if (!name.startsWith(`${prefix}.`)) strangers.push(`${file}: ${name}`);
    }
    expect(byFile.get('audit.ts')).toContain('audit.page');
    expect(byFile.get('stays.ts')).toContain('stays.move');
    expect(strangers).toEqual([]);
  });

  it('registers every method file in the contract (the recovery window has its own)', async () => {
    const missing: string[] = [];
    for (const [file, names] of await methodsByFile()) {
      if (file === 'recovery.ts') continue;
      for (const name of names) if (!(name in contract)) missing.push(`${file}: ${name}`);
    }
    expect(missing).toEqual([]);
  });

  it('holds every method of every file exactly once', () => {
    expect(Object.keys(contract)).toContain('rooms.disinfect');
    expect(Object.keys(contract)).toContain('settings.updateStock');
  });
});
