import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '@shared/contract';
import { isMethodName, isWriteMethod } from './writeMethods';

describe('write methods, as the build writes them into the renderer', () => {
  it('are exactly the contract methods of kind write', () => {
    const names = Object.keys(contract) as MethodName[];
    const writes = names.filter((m) => contract[m].kind === 'write');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.length).toBeLessThan(names.length);
    for (const m of names) expect(isWriteMethod(m), m).toBe(contract[m].kind === 'write');
  });

  it('names every contract method and nothing else', () => {
    for (const m of Object.keys(contract)) expect(isMethodName(m), m).toBe(true);
    expect(isMethodName('sites.drop')).toBe(false);
    expect(isMethodName('toString')).toBe(false);
  });
});
