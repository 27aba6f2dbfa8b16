import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../app';
import { DataFolderInUseError, lockDataFolder } from '../../platform/folderLock';
import { capturingLogger, makeTempDir } from '../tempDb';
import { buildWriter } from './harness';

const REPO = resolve(__dirname, '../../../..');

describe('one process owns a data folder', () => {
  const temp = makeTempDir();
  const dataDir = join(temp.dir, 'data');
  let bundle: string;
  const children: ChildProcessWithoutNullStreams[] = [];

  /** Starts a holder and resolves with its first line: "locked", or why it was refused. */
  function holder(): Promise<{ child: ChildProcessWithoutNullStreams; said: string }> {
    const child = spawn(process.execPath, [bundle, dataDir], {
      env: { ...process.env, ISD_CRASH_WRITER: '1', NODE_PATH: join(REPO, 'node_modules') },
    });
    children.push(child);
    return new Promise((done) =>
      child.stdout.once('data', (chunk: Buffer) => done({ child, said: chunk.toString().trim() })),
    );
  }
  const killed = (child: ChildProcessWithoutNullStreams) =>
    new Promise<NodeJS.Signals | null>((done) => {
      child.once('exit', (_code, signal) => done(signal));
      child.kill('SIGKILL');
    });

  beforeAll(async () => {
    bundle = await buildWriter(join(temp.dir, 'out'), 'lockHolder');
  }, 60_000);
  afterEach(async () => {
    await Promise.all(
      children
        .splice(0)
        .map((child) =>
          child.exitCode === null && child.signalCode === null ? killed(child) : null,
        ),
    );
  });
  afterAll(() => temp.remove());

  it('refuses a second start while another process holds it, naming that process; kill -9 frees it', async () => {
    const first = await holder();
    expect(first.said).toBe('locked');

    const refused = startCore({ dataDir, shell: 'browser', logger: capturingLogger() });
    await expect(refused).rejects.toThrow(DataFolderInUseError);
    await expect(refused).rejects.toThrow(`process ${first.child.pid}`);
    const second = await holder();
    expect(second.said).toContain(`in the browser shell (process ${first.child.pid}`);

    expect(await killed(first.child)).toBe('SIGKILL');
    const core = await startCore({ dataDir, shell: 'browser', logger: capturingLogger() });
    try {
      const third = await holder();
      expect(third.said).toContain(`process ${process.pid}`);
    } finally {
      core.close();
    }
    // Closed: the folder is free again.
    const fourth = await holder();
    expect(fourth.said).toBe('locked');
  }, 30_000);

  it('refuses a second core in the same process until the first is closed', async () => {
    const core = await startCore({ dataDir, shell: 'electron', logger: capturingLogger() });
    try {
      expect(() => lockDataFolder(dataDir, 'browser')).toThrow(/electron shell/);
      await expect(
        startCore({ dataDir, shell: 'browser', logger: capturingLogger() }),
      ).rejects.toThrow(DataFolderInUseError);
    } finally {
      core.close();
    }
    lockDataFolder(dataDir, 'browser').release();
  });
});
