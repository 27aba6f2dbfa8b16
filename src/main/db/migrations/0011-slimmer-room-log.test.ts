import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext, type TestContext } from '../../testing/tempDb';

describe('migration 0011 slimmer-room-log', () => {
  let t: TestContext;
  beforeEach(() => {
    t = makeTestContext();
  });
  afterEach(() => t.close());

  it('finds a room’s history through (room, instant) alone', () => {
    const indexes = t.ctx.db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'room_status_log'",
      )
      .pluck()
      .all();
    expect(indexes).toEqual(['room_status_log_at']);
    const plan = (
      t.ctx.db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT * FROM room_status_log WHERE room_id = ? ORDER BY id DESC',
        )
        .all(1) as { detail: string }[]
    ).map((p) => p.detail);
    expect(plan.join(' ')).toMatch(
      /SEARCH room_status_log USING INDEX room_status_log_at \(room_id=\?\)/,
    );
  });
});
