import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext, type TestContext } from '../testing/tempDb';
import { cachedStatement } from './statements';

describe('cachedStatement', () => {
  let a: TestContext;
  let b: TestContext;
  beforeEach(() => {
    a = makeTestContext();
    b = makeTestContext();
  });
  afterEach(() => {
    a.close();
    b.close();
  });

  it('prepares a statement once per connection and runs it with fresh values each time', () => {
    const sql = 'SELECT ? + 1 AS n';
    const first = cachedStatement<[number], { n: number }>(a.ctx.db, sql);
    expect(cachedStatement(a.ctx.db, sql)).toBe(first);
    expect(cachedStatement(b.ctx.db, sql)).not.toBe(first);
    expect(first.get(1)).toEqual({ n: 2 });
    expect(cachedStatement<[number], { n: number }>(a.ctx.db, sql).get(41)).toEqual({ n: 42 });
  });
});
