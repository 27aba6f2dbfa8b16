import type { z } from 'zod';
import type { MethodDef } from './define';
import { mergeMethodFiles } from './merge';
import { appMethods } from './app';
import { demoMethods } from './demo';
import { settingsMethods } from './settings';
import { setupMethods } from './setup';
import { authMethods } from './auth';
import { userMethods } from './users';
import { sessionMethods } from './sessions';
import { auditMethods } from './audit';
import { siteMethods } from './sites';
import { buildingMethods } from './buildings';
import { floorMethods } from './floors';
import { roomMethods } from './rooms';
import { originMethods } from './origins';
import { arrivalMethods } from './arrivals';
import { allocationMethods } from './allocation';
import { stayMethods } from './stays';
import { peopleMethods } from './people';
import { residentMethods } from './residents';
import { printsMethods } from './prints';
import { printMethods } from './print';
import { roundMethods } from './rounds';
import { readingMethods } from './readings';
import { feverMethods } from './fever';
import { reportMethods } from './reports';
import { staffMethods } from './staff';
import { postMethods } from './posts';
import { shiftMethods } from './shifts';
import { rosterMethods } from './roster';
import { stockMethods } from './stock';
import { supplyMethods } from './supply';
import { archiveMethods } from './archive';
import { privacyMethods } from './privacy';
import { backupMethods } from './backups';
import { todayMethods } from './today';
import { hostMethods } from './host';

/** Every IPC method the renderer may call. The router only knows these keys. */
export const contract = mergeMethodFiles({
  app: appMethods,
  demo: demoMethods,
  settings: settingsMethods,
  setup: setupMethods,
  auth: authMethods,
  users: userMethods,
  sessions: sessionMethods,
  audit: auditMethods,
  sites: siteMethods,
  buildings: buildingMethods,
  floors: floorMethods,
  rooms: roomMethods,
  origins: originMethods,
  arrivals: arrivalMethods,
  allocation: allocationMethods,
  stays: stayMethods,
  people: peopleMethods,
  residents: residentMethods,
  prints: printsMethods,
  print: printMethods,
  rounds: roundMethods,
  readings: readingMethods,
  fever: feverMethods,
  reports: reportMethods,
  staff: staffMethods,
  posts: postMethods,
  shifts: shiftMethods,
  roster: rosterMethods,
  stock: stockMethods,
  supply: supplyMethods,
  archive: archiveMethods,
  privacy: privacyMethods,
  backups: backupMethods,
  today: todayMethods,
  host: hostMethods,
});

export type Contract = typeof contract;
export type MethodName = keyof Contract;

type Def<M extends MethodName> = Contract[M];
type SchemaOf<M extends MethodName> = Def<M> extends MethodDef<infer S, unknown> ? S : never;

/** What the caller sends (defaults may be omitted). */
export type MethodInput<M extends MethodName> = z.input<SchemaOf<M>>;
/** What the service receives after parsing. */
export type ParsedInput<M extends MethodName> = z.output<SchemaOf<M>>;
export type MethodResult<M extends MethodName> =
  Def<M> extends MethodDef<z.ZodType, infer R> ? R : never;

export { COMMAND_CHANNEL, IPC_CHANNEL } from './channel';

export { MAX_BULK_ROOMS, MAX_PAGE_SIZE, ROOM_SORT_FIELDS } from './rooms';
export type { BulkCreateInput, RoomSortField } from './rooms';
export type { AuditFilter } from './audit';
