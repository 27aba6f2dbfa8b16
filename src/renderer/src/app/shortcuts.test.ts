import { describe, expect, it } from 'vitest';
import { actionForKey, type KeyPress } from './shortcuts';

const press = (over: Partial<KeyPress>): KeyPress => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...over,
});

describe('actionForKey', () => {
  it('reads Ctrl+P and Ctrl+F, and Cmd for Ctrl on a Mac', () => {
    expect(actionForKey(press({ key: 'p', code: 'KeyP', ctrlKey: true }))).toEqual({
      kind: 'command',
      command: 'print',
    });
    expect(actionForKey(press({ key: 'P', code: 'KeyP', metaKey: true }))).toEqual({
      kind: 'command',
      command: 'print',
    });
    expect(actionForKey(press({ key: 'f', code: 'KeyF', ctrlKey: true }))).toEqual({
      kind: 'search',
    });
  });

  it('opens sections 1–8 with Alt and the digit’s key, whatever character the layout types', () => {
    for (let n = 1; n <= 8; n++) {
      expect(actionForKey(press({ key: '¡', code: `Digit${n}`, altKey: true }))).toEqual({
        kind: 'section',
        index: n - 1,
      });
    }
    expect(actionForKey(press({ key: '9', code: 'Digit9', altKey: true }))).toBeNull();
    expect(actionForKey(press({ key: '0', code: 'Digit0', altKey: true }))).toBeNull();
  });

  it('shows the shortcuts on F1', () => {
    expect(actionForKey(press({ key: 'F1', code: 'F1' }))).toEqual({
      kind: 'command',
      command: 'shortcuts',
    });
  });

  it('leaves every other key alone: typing, Ctrl+Shift+P, Ctrl+Alt+3, plain digits', () => {
    for (const other of [
      press({ key: 'p', code: 'KeyP' }),
      press({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true }),
      press({ key: 'f', code: 'KeyF', ctrlKey: true, altKey: true }),
      press({ key: '3', code: 'Digit3' }),
      press({ key: '3', code: 'Digit3', altKey: true, ctrlKey: true }),
      press({ key: '#', code: 'Digit3', altKey: true, shiftKey: true }),
      press({ key: 'c', code: 'KeyC', ctrlKey: true }),
      press({ key: 'Escape', code: 'Escape' }),
    ]) {
      expect(actionForKey(other), JSON.stringify(other)).toBeNull();
    }
  });
});
