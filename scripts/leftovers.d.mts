// Types of leftovers.mjs for its unit test.
export function processesMarked(
  marker: string,
  procDir?: string,
): { pid: number; command: string }[] | null;
