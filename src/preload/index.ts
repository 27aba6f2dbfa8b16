import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskApi } from '../shared/api';
import { COMMAND_CHANNEL, IPC_CHANNEL } from '../shared/contract/channel';
import { isDeskCommand } from '../shared/deskCommands';
import { LIVE_CHANNEL, type LiveEvent } from '../shared/live';

// Two typed functions cross the bridge each way; the renderer never sees ipcRenderer.
const api: DeskApi = {
  invoke: (method, input, options) => ipcRenderer.invoke(IPC_CHANNEL, method, input, options),
  // Main sends every window each change notice; the IPC event itself stays on this side.
  subscribe: (listener) => {
    const forward = (_event: unknown, live: LiveEvent) => listener(live);
    ipcRenderer.on(LIVE_CHANNEL, forward);
    return () => void ipcRenderer.off(LIVE_CHANNEL, forward);
  },
  onCommand: (listener) => {
    // Only a known command reaches the page, and never the IPC event itself.
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (isDeskCommand(command)) listener(command);
    };
    ipcRenderer.on(COMMAND_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(COMMAND_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('api', api);
