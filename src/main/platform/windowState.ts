import { z } from 'zod';

/** The window as it was left: where, how big, maximised, and the page's zoom (Chromium levels). */
export interface WindowState {
  /** Absent: centred by the system (the first start, or the place is no longer on any screen). */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
  zoomLevel: number;
}

/** A display's usable area (Electron's `Display.workArea`: the screen minus the task bar). */
export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: Readonly<WindowState> = {
  width: 1440,
  height: 900,
  maximized: false,
  zoomLevel: 0,
};
export const MIN_WINDOW_SIZE = { width: 1024, height: 640 } as const;

/** Zoom steps of half a level (about 9.5 % each), from 3 steps out to 6 in: larger type, for older eyes. */
export const ZOOM_STEP = 0.5;
export const ZOOM_RANGE = { min: -1.5, max: 3 } as const;

/** How much of the title bar must lie on a screen for the window to be reachable with the mouse. */
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 32;

const coordinate = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(1).max(100_000);
const stored = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: size,
  height: size,
  maximized: z.boolean().default(false),
  zoomLevel: z.number().finite().default(0),
});

/**
 * The stored file's text as a state, or the defaults when it is missing, damaged or from an
 * unknown hand: a window must open whatever the file says.
 */
export function parseWindowState(text: string | undefined): WindowState {
  if (text === undefined) return { ...DEFAULT_WINDOW_STATE };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  const parsed = stored.safeParse(json);
  if (!parsed.success) return { ...DEFAULT_WINDOW_STATE };
  const { x, y, ...rest } = parsed.data;
  // A place needs both coordinates; one alone is no place.
  return x !== undefined && y !== undefined ? { x, y, ...rest } : rest;
}

export const clampZoom = (level: number): number =>
  Math.min(ZOOM_RANGE.max, Math.max(ZOOM_RANGE.min, level));

/** The zoom after 放大 / 缩小 / 实际大小. */
export function nextZoomLevel(level: number, step: 'in' | 'out' | 'reset'): number {
  if (step === 'reset') return 0;
  return clampZoom(level + (step === 'in' ? ZOOM_STEP : -ZOOM_STEP));
}

const overlap = (a0: number, a1: number, b0: number, b1: number): number =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** Whether enough of the window's title bar lies on this display to drag it back. */
function titleBarOn(state: WindowState & { x: number; y: number }, area: DisplayArea): boolean {
  const across = overlap(state.x, state.x + state.width, area.x, area.x + area.width);
  const down = overlap(state.y, state.y + GRAB_HEIGHT, area.y, area.y + area.height);
  return across >= Math.min(GRAB_WIDTH, state.width) && down >= GRAB_HEIGHT;
}

/**
 * The stored state made to fit the screens there are now: a window whose title bar is on no
 * display (a monitor unplugged, a laptop away from its dock) is centred; a window larger than
 * every display shrinks to the largest; never smaller than the minimum; zoom within its range.
 */
export function fitToDisplays(state: WindowState, displays: readonly DisplayArea[]): WindowState {
  const zoomLevel = clampZoom(state.zoomLevel);
  if (displays.length === 0) return { ...DEFAULT_WINDOW_STATE, zoomLevel };
  const largest = displays.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
  const width = Math.max(MIN_WINDOW_SIZE.width, Math.min(state.width, largest.width));
  const height = Math.max(MIN_WINDOW_SIZE.height, Math.min(state.height, largest.height));
  const sized: WindowState = { width, height, maximized: state.maximized, zoomLevel };
  if (state.x === undefined || state.y === undefined) return sized;
  const placed = { ...sized, x: state.x, y: state.y };
  return displays.some((area) => titleBarOn(placed, area)) ? placed : sized;
}
