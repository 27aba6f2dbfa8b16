import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';

const contractDir = join(__dirname, '../../shared/contract');

describe('the contract', () => {
  it('keeps every method of one prefix in one contract file', async () => {
    const files = readdirSync(contractDir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    const fileOfPrefix = new Map<string, string>();
    const clashes: string[] = [];
    for (const file of files) {
      const module: Record<string, unknown> = await import(join(contractDir, file));
      for (const [exported, value] of Object.entries(module)) {
        if (!exported.endsWith('Methods') || typeof value !== 'object' || value === null) continue;
        for (const name of Object.keys(value)) {
          const prefix = name.split('.')[0]!;
          const owner = fileOfPrefix.get(prefix);
          if (owner !== undefined && owner !== file) clashes.push(`${name}: ${owner} and ${file}`);
          fileOfPrefix.set(prefix, file);
        }
      }
    }
    expect(fileOfPrefix.get('settings')).toBe('settings.ts');
    expect(fileOfPrefix.get('rooms')).toBe('rooms.ts');
    expect(clashes).toEqual([]);
  });

  it('holds every method of every file exactly once', () => {
    expect(Object.keys(contract)).toContain('rooms.disinfect');
    expect(Object.keys(contract)).toContain('settings.updateStock');
  });
});
