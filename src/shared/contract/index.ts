import type { z } from 'zod';
import { accountMethods } from './accounts';
import { appMethods } from './app';
import { backupMethods } from './backups';
import type { MethodDef } from './define';
import { healthMethods } from './health';
import { mergeMethodFiles } from './merge';
import { arrivalMethods } from './arrivals';
import { peopleMethods } from './people';
import { registryMethods } from './registry';
import { printMethods } from './print';
import { privacyMethods } from './privacy';
import { reportMethods } from './reports';
import { residentMethods } from './residents';
import { rosterMethods } from './roster';
import { stockMethods } from './stock';
import { roomMethods } from './rooms';
import { settingsMethods } from './settings';

/** Every IPC method the renderer may call. The router only knows these keys. */
export const contract = mergeMethodFiles({
  app: appMethods,
  settings: settingsMethods,
  accounts: accountMethods,
  registry: registryMethods,
  rooms: roomMethods,
  people: peopleMethods,
  arrivals: arrivalMethods,
  residents: residentMethods,
  health: healthMethods,
  reports: reportMethods,
  print: printMethods,
  roster: rosterMethods,
  stock: stockMethods,
  privacy: privacyMethods,
  backups: backupMethods,
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

export { IPC_CHANNEL } from './channel';

export { MAX_BULK_ROOMS, MAX_PAGE_SIZE, ROOM_SORT_FIELDS } from './rooms';
export type { BulkCreateInput, RoomSortField } from './rooms';
export type { AuditFilter } from './accounts';
