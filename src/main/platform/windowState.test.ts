import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDb';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  MIN_WINDOW_SIZE,
  nextZoomLevel,
  parseWindowState,
  ZOOM_RANGE,
  type DisplayArea,
  type WindowState,
} from './windowState';
import { readWindowState, WINDOW_STATE_FILE, writeWindowState } from './windowStateFile';

// An office PC: a 1920×1080 monitor (task bar at the foot) and a 1280×1024 one to its right.
const LEFT: DisplayArea = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT: DisplayArea = { x: 1920, y: 0, width: 1280, height: 984 };
const LAPTOP: DisplayArea = { x: 0, y: 0, width: 1366, height: 728 };

const state = (over: Partial<WindowState>): WindowState => ({ ...DEFAULT_WINDOW_STATE, ...over });

describe('parseWindowState', () => {
  it('reads a state written by the app', () => {
    const saved = state({
      x: 2000,
      y: 40,
      width: 1200,
      height: 900,
      maximized: true,
      zoomLevel: 1,
    });
    expect(parseWindowState(JSON.stringify(saved))).toEqual(saved);
  });

  it.each([
    ['no file', undefined],
    ['an empty file', ''],
    ['half a file', '{"x": 10, "y": 2'],
    ['not an object', '[1440, 900]'],
    ['null', 'null'],
    ['text sizes', '{"width": "1440", "height": "900"}'],
    ['a size of zero', '{"width": 0, "height": 900}'],
    ['a fractional size', '{"width": 1440.5, "height": 900}'],
    ['a far-away place', '{"x": 1e12, "y": 0, "width": 1440, "height": 900}'],
    ['a zoom that is no number', '{"width": 1440, "height": 900, "zoomLevel": "big"}'],
  ])('falls back to the defaults for %s', (_case, text) => {
    expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps a place only when both coordinates are there', () => {
    const parsed = parseWindowState('{"x": 100, "width": 1300, "height": 800}');
    expect(parsed).toEqual(state({ width: 1300, height: 800 }));
    expect(parsed).not.toHaveProperty('x');
  });
});

describe('fitToDisplays', () => {
  it('keeps a window that is on a screen as it was', () => {
    const onRight = state({ x: 2000, y: 50, width: 1100, height: 800, zoomLevel: 1 });
    expect(fitToDisplays(onRight, [LEFT, RIGHT])).toEqual(onRight);
  });

  it('centres a window left on a monitor that is gone', () => {
    const onRight = state({ x: 2000, y: 50, width: 1100, height: 800 });
    const fitted = fitToDisplays(onRight, [LEFT]);
    expect(fitted).not.toHaveProperty('x');
    expect(fitted).not.toHaveProperty('y');
    expect(fitted).toMatchObject({ width: 1100, height: 800 });
  });

  it('centres a window whose title bar is above or below every screen', () => {
    expect(fitToDisplays(state({ x: 100, y: -400 }), [LEFT])).not.toHaveProperty('x');
    expect(fitToDisplays(state({ x: 100, y: 1030 }), [LEFT])).not.toHaveProperty('y');
  });

  it('keeps a window with just enough title bar on a screen to drag it back', () => {
    const mostlyOff = state({ x: 1920 - 120, y: 0, width: 1200 });
    expect(fitToDisplays(mostlyOff, [LEFT])).toMatchObject({ x: 1800, y: 0 });
    const tooFar = state({ x: 1920 - 100, y: 0, width: 1200 });
    expect(fitToDisplays(tooFar, [LEFT])).not.toHaveProperty('x');
  });

  it('shrinks a window larger than every screen to the largest, never below the minimum', () => {
    const huge = state({ x: 0, y: 0, width: 3000, height: 2000 });
    expect(fitToDisplays(huge, [LAPTOP, LEFT])).toMatchObject({ width: 1920, height: 1040 });
    expect(fitToDisplays(huge, [LAPTOP])).toMatchObject({
      width: LAPTOP.width,
      height: LAPTOP.height,
    });
    const tiny = state({ width: 300, height: 200 });
    expect(fitToDisplays(tiny, [LEFT])).toMatchObject(MIN_WINDOW_SIZE);
  });

  it('keeps maximised and brings the zoom into its range', () => {
    expect(fitToDisplays(state({ maximized: true, zoomLevel: 9 }), [LEFT])).toMatchObject({
      maximized: true,
      zoomLevel: ZOOM_RANGE.max,
    });
    expect(fitToDisplays(state({ zoomLevel: -9 }), [LEFT]).zoomLevel).toBe(ZOOM_RANGE.min);
  });

  it('opens with the defaults when no display is reported', () => {
    expect(fitToDisplays(state({ x: 10, y: 10, zoomLevel: 1 }), [])).toEqual(
      state({ zoomLevel: 1 }),
    );
  });
});

describe('nextZoomLevel', () => {
  it('steps in and out by half a level and stops at the ends', () => {
    expect(nextZoomLevel(0, 'in')).toBe(0.5);
    expect(nextZoomLevel(0.5, 'out')).toBe(0);
    expect(nextZoomLevel(ZOOM_RANGE.max, 'in')).toBe(ZOOM_RANGE.max);
    expect(nextZoomLevel(ZOOM_RANGE.min, 'out')).toBe(ZOOM_RANGE.min);
    expect(nextZoomLevel(2, 'reset')).toBe(0);
  });
});

describe('window state file', () => {
  let remove = () => undefined as void;
  afterEach(() => remove());

  it('writes a state that reads back, and replaces the one before', () => {
    const temp = makeTempDir();
    remove = temp.remove;
    expect(readWindowState(temp.dir)).toEqual(DEFAULT_WINDOW_STATE);
    writeWindowState(temp.dir, state({ x: 5, y: 6, width: 1300, height: 700 }));
    const saved = state({ x: 40, y: 30, width: 1280, height: 800, maximized: true, zoomLevel: 1 });
    writeWindowState(temp.dir, saved);
    expect(readWindowState(temp.dir)).toEqual(saved);
    expect(JSON.parse(readFileSync(join(temp.dir, WINDOW_STATE_FILE), 'utf8'))).toEqual(saved);
  });

  it('reads a damaged file as the defaults', () => {
    const temp = makeTempDir();
    remove = temp.remove;
    writeFileSync(join(temp.dir, WINDOW_STATE_FILE), '{"width": 14');
    expect(readWindowState(temp.dir)).toEqual(DEFAULT_WINDOW_STATE);
  });
});
