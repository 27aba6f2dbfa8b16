// Types of module-path.mjs for the vitest configuration and the test bundles.
import type { Plugin } from 'vite';
export function modulePathPlugin(): Plugin;
