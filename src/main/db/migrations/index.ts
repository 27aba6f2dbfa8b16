import { sitesAndRooms } from './0001-sites-rooms';
import { accountsAndAudit } from './0002-accounts-audit';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [sitesAndRooms, accountsAndAudit];

export const SCHEMA_VERSION = MIGRATIONS.length;
