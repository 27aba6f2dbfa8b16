import { describe, expect, it } from 'vitest';
import { mergeMethodFiles } from './merge';

describe('mergeMethodFiles', () => {
  it('joins disjoint files into one map', () => {
    const merged = mergeMethodFiles({ a: { 'a.one': 1 }, b: { 'b.one': 2, 'b.two': 3 } });
    expect(merged).toEqual({ 'a.one': 1, 'b.one': 2, 'b.two': 3 });
  });

  it('throws, naming both files, when two files declare the same method', () => {
    expect(() =>
      mergeMethodFiles({ people: { 'rooms.disinfect': 1 }, rooms: { 'rooms.disinfect': 2 } }),
    ).toThrow('Method rooms.disinfect is declared in both contract/people and contract/rooms');
  });
});
