import { contextBridge, ipcRenderer } from 'electron';
import type { DeskApi } from '../shared/api';
import { IPC_CHANNEL } from '../shared/contract/channel';
import { LIVE_CHANNEL, type LiveEvent } from '../shared/live';

// Two typed functions cross the bridge; the renderer never sees ipcRenderer.
const api: DeskApi = {
  invoke: (method, input, options) => ipcRenderer.invoke(IPC_CHANNEL, method, input, options),
  // Main sends every window each change notice; the IPC event itself stays on this side.
  subscribe: (listener) => {
    const forward = (_event: unknown, live: LiveEvent) => listener(live);
    ipcRenderer.on(LIVE_CHANNEL, forward);
    return () => void ipcRenderer.off(LIVE_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('api', api);
