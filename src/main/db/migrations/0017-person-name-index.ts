import type { Migration } from './types';

/**
 * What the index holds for a name: the name and two characters no name is expected to hold
 * (U+E000, private use). With them every substring of one or two characters begins some trigram
 * of the padded name, so a one- or two-character search finds its names by a range of the index's
 * terms (see residents/nameIndex.ts) although trigram full-text queries need three.
 */
const padded = (row: 'OLD' | 'NEW'): string => `${row}.full_name || char(57344, 57344)`;

/**
 * A trigram index on people's names (FTS5), so a search by part of a name reads the people it
 * finds instead of every departed stay of a site (30–40 ms at 19,000). Contentless (the names
 * stay in `people` only), no positions and no sizes (`detail=none`, `columnsize=0`): about 1 MB
 * for 100,000 people. The search re-checks every candidate with the same LIKE as before, so the
 * index only narrows what is read.
 *
 * Kept by triggers on `people`, so every write path — registration, imports, purges, archives
 * deleting people — keeps it in step. A later migration that rebuilds `people` must recreate
 * these triggers (0013's way: recreate what names `people`).
 *
 * `person_name_terms` lists the index's terms with their people, read by a range of terms for
 * one- and two-character searches.
 */
export const personNameIndex: Migration = {
  version: 17,
  name: 'person-name-index',
  up: (db) => {
    db.exec(`
      CREATE VIRTUAL TABLE person_names USING fts5(
        name, content='', tokenize='trigram', detail=none, columnsize=0);
      CREATE VIRTUAL TABLE person_name_terms USING fts5vocab(person_names, 'instance');
      INSERT INTO person_names (rowid, name) SELECT id, full_name || char(57344, 57344) FROM people;

      CREATE TRIGGER person_names_insert AFTER INSERT ON people BEGIN
        INSERT INTO person_names (rowid, name) VALUES (NEW.id, ${padded('NEW')});
      END;
      CREATE TRIGGER person_names_update AFTER UPDATE OF id, full_name ON people
      WHEN OLD.id <> NEW.id OR OLD.full_name <> NEW.full_name BEGIN
        INSERT INTO person_names (person_names, rowid, name) VALUES ('delete', OLD.id, ${padded('OLD')});
        INSERT INTO person_names (rowid, name) VALUES (NEW.id, ${padded('NEW')});
      END;
      CREATE TRIGGER person_names_delete AFTER DELETE ON people BEGIN
        INSERT INTO person_names (person_names, rowid, name) VALUES ('delete', OLD.id, ${padded('OLD')});
      END;
    `);
  },
};
