import { resolve } from 'node:path';

/** The renderer's import aliases, shared by the build and the unit tests (tsconfig.web.json mirrors them). */
export const rendererAliases = {
  '@renderer': resolve(__dirname, 'src/renderer/src'),
  '@shared': resolve(__dirname, 'src/shared'),
};
