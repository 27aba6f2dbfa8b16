import { describe, expect, it } from 'vitest';
import { runtimeVersions } from './appInfo';

describe('runtimeVersions (帮助 → 关于)', () => {
  it('names Node, Electron and Chromium in the Electron shell', () => {
    const electron = { ...process.versions, electron: '45.5.0', chrome: '142.0.7444.59' };
    expect(runtimeVersions(electron)).toEqual({
      node: process.versions.node,
      electron: '45.5.0',
      chrome: '142.0.7444.59',
    });
  });

  it('names Node alone in the browser shell', () => {
    expect(runtimeVersions()).toEqual({ node: process.versions.node });
  });
});
