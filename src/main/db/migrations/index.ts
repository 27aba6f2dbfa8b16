import { sitesAndRooms } from './0001-sites-rooms';
import { accountsAndAudit } from './0002-accounts-audit';
import { peopleAndStays } from './0003-people-stays';
import { health } from './0004-health';
import { roster } from './0005-roster';
import { stock } from './0006-stock';
import { districtScale } from './0009-district-scale';
import { awaiting0007, awaiting0008 } from './awaiting';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  sitesAndRooms,
  accountsAndAudit,
  peopleAndStays,
  health,
  roster,
  stock,
  awaiting0007,
  awaiting0008,
  districtScale,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
