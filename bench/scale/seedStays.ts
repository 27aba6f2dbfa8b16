import { CATEGORIES } from '../../src/shared/people';
import type { Db } from '../../src/main/db/open';
import { dayNumber } from '../../src/main/db/compactValues';
import { hash01, prng } from '../../src/main/testing/prng';
import { scalePerson } from './people';
import { SCALE, dayOfMs, iso, msOfDay } from './shape';
import {
  ROUND_MINUTES,
  RECHECK_AFTER_MIN,
  type RoomFacts,
  type Cycle,
  type Stay,
  latestCycles,
  planStay,
  readingMinute,
} from './stayPlan';

export interface StaySeedResult {
  stays: number;
  readings: number;
  feverCases: number;
  transfers: number;
}

/**
 * 99,800 stays with their people, batches, events, round readings, fever cases and transfers,
 * the rooms' status history and disinfections, and each room's status now. Plain prepared
 * statements; every CHECK, unique index and foreign key of the schema still applies.
 */
export function seedStays(
  db: Db,
  input: { recordedBy: number; stays: number; readings: number },
  progress: (label: string, done: number, total: number) => void,
): StaySeedResult {
  const nowMs = Date.parse(SCALE.now);
  const rooms = db
    .prepare<[], RoomFacts>(
      `SELECT r.id, b.site_id AS siteId, r.capacity FROM rooms r JOIN buildings b ON b.id = r.building_id ORDER BY r.id`,
    )
    .all();
  const cycles = latestCycles(rooms, input.stays, nowMs);

  const firstStayId =
    (db.prepare<[], { m: number }>('SELECT coalesce(max(id), 0) AS m FROM stays').get()!.m ?? 0) +
    1;
  const stays: Stay[] = [];
  for (const cycle of cycles) {
    for (let member = 0; member < cycle.people; member++) {
      const id = firstStayId + stays.length;
      const stay: Stay = {
        id,
        cycle,
        member,
        personIndex: stays.length,
        checkInMs: cycle.checkInMs + member * 60_000,
        observationEnd: dayOfMs(msOfDay(dayOfMs(cycle.checkInMs), cycle.observationDays * 1440)),
        checkoutMs: null,
        transferred: false,
        fevers: [],
        slots: 0,
      };
      planStay(stay, nowMs);
      stays.push(stay);
    }
  }

  const feverSlots = stays.reduce((n, s) => n + s.fevers.length, 0);
  const possible = stays.reduce((n, s) => n + s.slots, 0) - feverSlots;
  // Each fever is a round reading and a re-check; the other readings are drawn from the rest.
  let wanted = input.readings - 2 * feverSlots;
  if (wanted > possible) throw new Error(`Only ${possible} round slots for ${wanted} readings`);

  const insertBatch = db.prepare(
    'INSERT INTO arrival_batches (site_id, label, arrived_at, notes, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertPerson = db.prepare(
    `INSERT INTO people (full_name, gender, birth_date, document_type, document_number, phone, category, origin_id,
       pregnant, chronic_illness, disability, emergency_contact, emergency_phone, notes, created_at, updated_at)
     VALUES (?, ?, ?, 'resident_id', ?, ?, ?, ?, 0, ?, 0, '', '', '', ?, ?)`,
  );
  const insertStay = db.prepare(
    `INSERT INTO stays (id, person_id, batch_id, household, room_id, status, check_in_at, observation_days,
       observation_end, checked_out_at, checkout_kind, hospital, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    'INSERT INTO stay_events (stay_id, kind, at, from_room_id, to_room_id, reason) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertReading = db.prepare(
    `INSERT INTO readings (stay_id, round_day, round_slot, temperature_tenths, symptoms, taken_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFever = db.prepare(
    `INSERT INTO fever_cases (stay_id, reading_id, opened_at, recheck_due_at, status, closed_at, closed_by, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTransfer = db.prepare(
    `INSERT INTO transfers (stay_id, fever_case_id, hospital, departed_at, escort, vehicle, created_at)
     VALUES (?, ?, '南通市第三人民医院', ?, '医护人员', '120 急救车', ?)`,
  );
  const insertLog = db.prepare(
    'INSERT INTO room_status_log (room_id, from_status, to_status, reason, changed_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertDisinfection = db.prepare(
    `INSERT INTO disinfections (room_id, operator, performed_at, agent, concentration, notes, created_at)
     VALUES (?, '保洁组', ?, '含氯消毒剂', '1000 mg/L', '', ?)`,
  );
  const origins = db.prepare('SELECT id FROM origins ORDER BY id').pluck().all() as number[];

  // Batches: one a day per site, in the morning of the check-in day.
  const batchOf = new Map<string, number>();
  for (const s of stays) {
    const day = dayOfMs(s.checkInMs);
    const key = `${s.cycle.siteId}/${day}`;
    if (!batchOf.has(key)) {
      const at = iso(msOfDay(day, 8 * 60));
      batchOf.set(
        key,
        Number(insertBatch.run(s.cycle.siteId, `${day} 转运`, at, '', at).lastInsertRowid),
      );
    }
  }

  let households = 0;
  let lastCycle: Cycle | null = null;
  stays.forEach((s, i) => {
    if (s.cycle !== lastCycle) {
      lastCycle = s.cycle;
      households++;
    }
    const p = scalePerson(s.personIndex);
    const day = dayOfMs(s.checkInMs);
    const arrived = iso(msOfDay(day, 8 * 60));
    const personId = Number(
      insertPerson.run(
        p.fullName,
        p.gender,
        p.birthDate,
        p.documentNumber,
        `139${String(10_000_000 + s.personIndex).slice(-8)}`,
        CATEGORIES[Math.floor(hash01(s.personIndex, 21) * 3)]!,
        origins[s.personIndex % origins.length]!,
        hash01(s.personIndex, 22) < 0.08 ? 1 : 0,
        arrived,
        arrived,
      ).lastInsertRowid,
    );
    const checkIn = iso(s.checkInMs);
    const checkout = s.checkoutMs === null ? null : iso(s.checkoutMs);
    insertStay.run(
      s.id,
      personId,
      batchOf.get(`${s.cycle.siteId}/${day}`)!,
      s.cycle.people > 1 ? `户${households}` : null,
      s.cycle.roomId,
      checkout === null ? 'active' : s.transferred ? 'transferred' : 'released',
      checkIn,
      s.cycle.observationDays,
      s.observationEnd,
      checkout,
      checkout === null ? null : s.transferred ? 'transfer' : 'release',
      s.transferred ? '南通市第三人民医院' : null,
      arrived,
      checkout ?? checkIn,
    );
    insertEvent.run(s.id, 'check_in', checkIn, null, s.cycle.roomId, null);
    if (checkout !== null) {
      insertEvent.run(
        s.id,
        'check_out',
        checkout,
        s.cycle.roomId,
        null,
        s.transferred ? '南通市第三人民医院' : null,
      );
    }
    if (i % 10_000 === 0) progress('stays', i, stays.length);
  });
  progress('stays', stays.length, stays.length);

  // Readings, stay by stay: a draw without replacement picks exactly `wanted` of the ordinary slots.
  let remaining = possible;
  let readings = 0;
  let feverCases = 0;
  let transfers = 0;
  const draw = prng(4242);
  for (const s of stays) {
    const fevers = new Map(s.fevers.map((f) => [f.slotMs, f]));
    const endMs = s.checkoutMs ?? nowMs;
    for (
      let day = dayOfMs(s.checkInMs);
      msOfDay(day, 0) <= endMs;
      day = dayOfMs(msOfDay(day, 1440))
    ) {
      for (let slot = 0; slot < ROUND_MINUTES.length; slot++) {
        const slotMs = msOfDay(day, ROUND_MINUTES[slot]!);
        const fever = fevers.get(slotMs);
        if (fever) {
          const takenMs = slotMs + readingMinute(s.id, slotMs) * 60_000;
          const taken = iso(takenMs);
          const readingId = Number(
            insertReading.run(
              s.id,
              dayNumber(day),
              slot,
              378 + (s.id % 12),
              '["feverish"]',
              takenMs,
              input.recordedBy,
            ).lastInsertRowid,
          );
          const recheckMs = takenMs + RECHECK_AFTER_MIN * 60_000;
          const recheck = iso(recheckMs);
          insertReading.run(
            s.id,
            dayNumber(day),
            null,
            fever.transfer ? 385 : 366,
            fever.transfer ? '["feverish","cough"]' : null,
            recheckMs,
            input.recordedBy,
          );
          const caseId = Number(
            insertFever.run(
              s.id,
              readingId,
              taken,
              iso(takenMs + 30 * 60_000),
              fever.transfer ? 'transferred' : 'cleared',
              recheck,
              input.recordedBy,
              fever.transfer ? 'sent to hospital' : 'recheck normal',
            ).lastInsertRowid,
          );
          feverCases++;
          readings += 2;
          if (fever.transfer) {
            insertTransfer.run(s.id, caseId, iso(s.checkoutMs!), iso(s.checkoutMs!));
            transfers++;
          }
          continue;
        }
        if (slotMs <= s.checkInMs || slotMs + 90 * 60_000 >= endMs) continue;
        const take = draw() * remaining < wanted;
        remaining--;
        if (!take) continue;
        wanted--;
        const takenMs = slotMs + readingMinute(s.id, slotMs) * 60_000;
        const tenths = 360 + Math.floor(hash01(s.id, slotMs / 60_000, 13) * 12);
        insertReading.run(s.id, dayNumber(day), slot, tenths, null, takenMs, input.recordedBy);
        readings++;
        if (readings % 250_000 < 1) progress('readings', readings, input.readings);
      }
    }
  }
  progress('readings', readings, input.readings);

  // Rooms: occupied → awaiting disinfection → (disinfected) available, cycle by cycle.
  const byRoom = new Map<number, Stay[]>();
  for (const s of stays) {
    const list = byRoom.get(s.cycle.roomId) ?? [];
    list.push(s);
    byRoom.set(s.cycle.roomId, list);
  }
  const setRoom = db.prepare(
    'UPDATE rooms SET status = ?, status_reason = ?, ever_used = ?, updated_at = ? WHERE id = ?',
  );
  const outOfService = prng(99);
  for (const room of rooms) {
    const mine = byRoom.get(room.id) ?? [];
    let status = 'available';
    let changed = '';
    const cyclesOfRoom = [...new Set(mine.map((s) => s.cycle))];
    for (const cycle of cyclesOfRoom) {
      const members = mine.filter((s) => s.cycle === cycle);
      const inAt = iso(Math.min(...members.map((m) => m.checkInMs)));
      insertLog.run(room.id, status, 'occupied', null, inAt);
      status = 'occupied';
      changed = inAt;
      if (members.some((m) => m.checkoutMs === null)) continue;
      const outMs = Math.max(...members.map((m) => m.checkoutMs!));
      insertLog.run(room.id, 'occupied', 'awaiting_disinfection', null, iso(outMs));
      status = 'awaiting_disinfection';
      changed = iso(outMs);
      const cleanMs = outMs + 120 * 60_000;
      if (cleanMs >= nowMs) continue;
      insertDisinfection.run(room.id, iso(cleanMs), iso(cleanMs));
      insertLog.run(room.id, 'awaiting_disinfection', 'available', null, iso(cleanMs));
      status = 'available';
      changed = iso(cleanMs);
    }
    let reason: string | null = null;
    if (status === 'available' && outOfService() < 0.01) {
      changed = iso(nowMs - 2 * 86_400_000);
      reason = '空调维修';
      insertLog.run(room.id, 'available', 'out_of_service', reason, changed);
      status = 'out_of_service';
    }
    if (changed) setRoom.run(status, reason, mine.length > 0 ? 1 : 0, changed, room.id);
  }
  progress('rooms', rooms.length, rooms.length);
  return { stays: stays.length, readings, feverCases, transfers };
}
