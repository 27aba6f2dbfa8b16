import type { ComponentType } from 'react';
import { lazyWithPreload } from 'react-lazy-with-preload';

/**
 * A page loaded when it is first opened: a chunk of its own, with the libraries only it uses.
 * `preload()` fetches it ahead; a page preloaded before its first showing renders at once instead
 * of suspending, because React holds back what a suspended boundary reveals by 300 ms
 * (FALLBACK_THROTTLE_MS), which was most of sign-in → home screen.
 */
export const onDemand = <P extends object>(load: () => Promise<ComponentType<P>>) =>
  lazyWithPreload(async () => ({ default: await load() }));
