import { sitesAndRooms } from './0001-sites-rooms';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [sitesAndRooms];

export const SCHEMA_VERSION = MIGRATIONS.length;
