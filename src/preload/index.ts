import { contextBridge, ipcRenderer } from 'electron';
import type { DeskApi } from '../shared/api';
import { IPC_CHANNEL } from '../shared/contract/channel';

// Exactly one typed function crosses the bridge; the renderer never sees ipcRenderer.
const api: DeskApi = {
  invoke: (method, input, options) => ipcRenderer.invoke(IPC_CHANNEL, method, input, options),
};

contextBridge.exposeInMainWorld('api', api);
