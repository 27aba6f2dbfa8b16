import { act } from '@testing-library/react';
import type { DeskCommand } from '@shared/deskCommands';
import type { AppInfo } from '@shared/domain';
import { installFakeApi, type FakeAnswers } from './fakeApi';

/** What app.info tells an Electron desk on a Windows PC. */
export const ELECTRON_INFO: AppInfo = {
  version: '0.1.0',
  schemaVersion: 17,
  runtime: { node: '22.12.0', electron: '45.5.0', chrome: '142.0.7444.59' },
  dataDir: 'C:\\Users\\coord\\AppData\\Roaming\\隔离点协调台',
  shell: 'electron',
  hasSite: true,
  needsSetup: false,
  readOnly: false,
  recovery: false,
};

/** Installs the fake api with an Electron-like `onCommand`; returns a way to send menu commands. */
export function withMenu(answers: FakeAnswers) {
  const fake = installFakeApi(answers);
  const listeners = new Set<(command: DeskCommand) => void>();
  const api = window.api;
  Object.defineProperty(window, 'api', {
    configurable: true,
    value: {
      invoke: api.invoke,
      onCommand: (listener: (command: DeskCommand) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  });
  const send = (command: DeskCommand) => act(() => listeners.forEach((l) => l(command)));
  return { ...fake, send, listeners };
}
