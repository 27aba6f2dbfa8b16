import { contract } from './src/shared/contract';

/**
 * Constants the renderer's build writes into its code, shared by the build and the unit tests.
 * The method names (a change notice names one: api/liveChanges.ts) and the methods that write
 * (after one, cached reads may be stale: api/client.ts) come from the contract here, so the first script carries this list and not the contract's zod schemas.
 */
export const rendererDefines = {
  __DESK_METHODS__: JSON.stringify(Object.keys(contract)),
  __DESK_WRITE_METHODS__: JSON.stringify(
    Object.entries(contract)
      .filter(([, def]) => def.kind === 'write')
      .map(([name]) => name),
  ),
};
