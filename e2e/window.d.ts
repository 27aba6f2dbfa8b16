import type { DeskApi } from '../src/shared/api';

declare global {
  // What page.evaluate() sees: the preload's (or the shim's) one typed invoke.
  interface Window {
    readonly api: DeskApi;
  }
}
