import { bench, describe } from 'vitest';
import { drainCapturedChanges } from '../src/main/accounts/audit';
import { departedRows, departedTotal } from '../src/main/residents/departedResidents';
import type { Filter } from '../src/main/residents/residentRows';
import { viewFilter } from '../src/main/residents/residents';
import { residentSearch } from '../src/main/residents/residentSearch';
import { makeTestContext } from '../src/main/testing/tempDb';
import { seedStays } from './scale/seedStays';
import { seedStructure } from './scale/seedStructure';
import { SCALE } from './scale/shape';

/**
 * A search by name in the departed view, on a 20,000-person file made by the district seed (the
 * district's 100,000 stays are `npm run bench`'s): reading every departed stay of the site, as
 * before migration 0017, against reading the candidates the name index gives. Same answer both
 * ways (nameIndex.property.test.ts); goal: the search under 20 ms.
 */
/** 20,000 by default; `NAME_SEARCH_STAYS=99800` gives site 1 the district's 19,000 departed. */
const STAYS = Number(process.env.NAME_SEARCH_STAYS ?? 20_000);
const t = makeTestContext();
const db = t.ctx.db;
const structure = db.transaction(() => seedStructure(t.ctx))();
db.transaction(() => {
  seedStays(db, { recordedBy: structure.userIds.nurse, stays: STAYS, readings: 0 }, () => {});
  drainCapturedChanges(db, { at: SCALE.now, actor: null, method: 'bench.seed' });
})();
db.exec('ANALYZE');
const siteId = structure.siteIds[0]!;
const departed = db
  .prepare<[number], { full_name: string }>(
    `SELECT p.full_name FROM departed_stays d JOIN stays s ON s.id = d.stay_id JOIN people p ON p.id = s.person_id
     WHERE d.site_id = ? ORDER BY d.stay_id LIMIT 1 OFFSET 100`,
  )
  .get(siteId)!;
const count = db
  .prepare<[number], { n: number }>('SELECT count(*) AS n FROM departed_stays WHERE site_id = ?')
  .get(siteId)!.n;
console.log(`site 1: ${count} departed; searching for ${departed.full_name}`);

const today = SCALE.today;
function searchPage(q: string, useIndex: boolean): number {
  const view = viewFilter('departed', today);
  const search = residentSearch(q, null);
  const filter: Filter = {
    sql: `${view.sql} AND ${search.filter.sql}`,
    params: [...view.params, ...search.filter.params],
  };
  const candidates = useIndex ? search.endedStays : null;
  const total = departedTotal(db, siteId, filter, true, candidates);
  const span = { direction: 'desc' as const, after: null, limit: 50 };
  departedRows(db, siteId, 'check_in', filter, span, candidates);
  return total;
}

const chars = [...departed.full_name];
const QUERIES: [string, string][] = [
  ['whole name', departed.full_name],
  ['its last character', chars.at(-1)!],
  ['its first character (the surname)', chars[0]!],
];
for (const [label, q] of QUERIES) {
  describe(`departed search, ${label}: ${q} (${searchPage(q, true)} found)`, () => {
    bench('reading every departed stay (before 0017)', () => void searchPage(q, false));
    bench('name index (0017)', () => void searchPage(q, true));
  });
}
