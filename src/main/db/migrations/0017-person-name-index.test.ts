import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeUnmigratedDb } from '../../testing/tempDb';
import { migrate } from '../migrate';
import type { Db } from '../open';
import { MIGRATIONS, SCHEMA_VERSION } from './index';

const AT = '2026-11-29T08:00:00.000Z';

describe('migration 0017 person-name-index', () => {
  let file: ReturnType<typeof makeUnmigratedDb>;
  let db: Db;
  let serial = 0;
  const addPerson = (fullName: string): number =>
    Number(
      db
        .prepare(
          `INSERT INTO people (full_name, gender, birth_date, document_type, document_number, category, created_at, updated_at)
           VALUES (?, 'male', '1990-01-01', 'passport', ?, 'other', ?, ?)`,
        )
        .run(fullName, `E${++serial}`, AT, AT).lastInsertRowid,
    );
  const byTrigram = (trigram: string): number[] =>
    db
      .prepare('SELECT rowid FROM person_names WHERE person_names MATCH ? ORDER BY rowid')
      .pluck()
      .all(`"${trigram}"`) as number[];
  const byTermPrefix = (prefix: string): number[] =>
    db
      .prepare(
        'SELECT DISTINCT doc FROM person_name_terms WHERE term >= ? AND term <= ? ORDER BY doc',
      )
      .pluck()
      .all(prefix, `${prefix}\u{10FFFF}\u{10FFFF}`) as number[];

  beforeEach(() => {
    file = makeUnmigratedDb();
    db = file.db;
    migrate(db, MIGRATIONS.slice(0, 16));
  });
  afterEach(() => file.close());

  it('indexes the names already there, each padded so one and two characters begin a term', () => {
    const liu = addPerson('刘浩');
    const ouyang = addPerson('欧阳明浩');
    const smith = addPerson('Smith John');
    expect(migrate(db)).toBe(SCHEMA_VERSION);

    expect(byTrigram('明浩')).toEqual([]); // two characters: not a trigram query
    expect(byTrigram('阳明浩')).toEqual([ouyang]);
    expect(byTrigram('SMI')).toEqual([smith]); // folded like LIKE
    // The last characters of a name, and a two-character name, begin terms of the padded name.
    expect(byTermPrefix('浩')).toEqual([liu, ouyang]);
    expect(byTermPrefix('刘浩')).toEqual([liu]);
    expect(byTermPrefix('hn')).toEqual([smith]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('keeps in step with every write to people: insert, rename, delete', () => {
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    const wang = addPerson('王小明');
    const other = addPerson('李明');
    expect(byTermPrefix('明')).toEqual([wang, other]);

    db.prepare("UPDATE people SET full_name = '王晓红' WHERE id = ?").run(wang);
    expect(byTrigram('王小明')).toEqual([]);
    expect(byTrigram('王晓红')).toEqual([wang]);
    expect(byTermPrefix('明')).toEqual([other]);

    // Another column written: the index entry is untouched (and still right).
    db.prepare("UPDATE people SET phone = '13900000000' WHERE id = ?").run(wang);
    expect(byTrigram('王晓红')).toEqual([wang]);

    db.prepare('DELETE FROM people WHERE id = ?').run(other);
    expect(byTermPrefix('明')).toEqual([]);
    expect(byTermPrefix('李')).toEqual([]);
    // The index agrees with the table it mirrors.
    expect(() =>
      db
        .prepare("INSERT INTO person_names (person_names, rank) VALUES ('integrity-check', 0)")
        .run(),
    ).not.toThrow();
  });
});
