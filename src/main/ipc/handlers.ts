import type { MethodName } from '../../shared/contract';
import type { HandlerMap } from '../services/handlerMap';
import { SCHEMA_VERSION } from '../db/migrations';
import { previewImport } from '../services/importPeople';
import { confirmAllocation, suggestAllocation } from '../services/allocation';
import { batchMembers, createBatch, listBatches, registerArrivals } from '../services/arrivals';
import { recordDisinfection } from '../services/disinfection';
import { listOrigins } from '../services/origins';
import {
  cancelRegistration,
  checkOut,
  extendStay,
  getStay,
  moveStay,
  roomOccupants,
} from '../services/stays';
import { personHistory } from '../services/personHistory';
import { occupancyList, releaseNotice } from '../services/prints';
import { residentPage } from '../services/residents';
import { listFeverCases, recheckFever } from '../services/fever';
import { readingsOfStay, recordRoundReading } from '../services/readings';
import { roundSheet, roundSummary } from '../services/rounds';
import { temperatureTenths } from '../services/temperature';
import { transferFeverCase } from '../services/transfer';
import { producedDailyReport } from '../services/dailyReport';
import { exportDailyReport } from '../services/dailyReportExport';
import { printToPdf } from '../services/printToPdf';
import { revealNumbers } from '../services/reveal';
import {
  createBuilding,
  listBuildings,
  retireBuilding,
  updateBuilding,
} from '../services/buildings';
import { createFloor, listFloors, retireFloor, updateFloor } from '../services/floors';
import { bulkCreateRooms } from '../services/roomBulk';
import { roomBoard } from '../services/roomBoard';
import { roomPage } from '../services/roomPage';
import {
  createRoom,
  deleteRoom,
  getRoom,
  retireRoom,
  roomStatusHistory,
  setRoomStatus,
  updateRoom,
} from '../services/rooms';
import { createSite, listSites, retireSite, updateSite } from '../services/sites';
import { countUsers } from '../accounts/users';
import { accountHandlers } from '../accounts/handlers';
import { backupHandlers } from '../backups/handlers';
import { privacyHandlers } from '../privacy/handlers';
import { rosterHandlers } from '../roster/handlers';
import { stockHandlers } from '../stock/handlers';

export type Handlers = HandlerMap<MethodName>;

/** Contract method → service. The router adds validation, transactions and envelopes. */
export const handlers: Handlers = {
  'app.info': (ctx) => ({
    version: ctx.version,
    schemaVersion: SCHEMA_VERSION,
    dataDir: ctx.dataDir,
    shell: ctx.shell,
    hasSite: listSites(ctx, { includeRetired: false }).length > 0,
    needsSetup: countUsers(ctx.db) === 0,
    readOnly: ctx.readOnly ?? false,
    diskFull: ctx.diskFull ?? false,
    recovery: false,
  }),
  ...accountHandlers,
  ...rosterHandlers,
  ...stockHandlers,
  ...privacyHandlers,
  ...backupHandlers,

  'sites.list': listSites,
  'sites.create': createSite,
  'sites.update': updateSite,
  'sites.retire': retireSite,
  'buildings.list': listBuildings,
  'buildings.create': createBuilding,
  'buildings.update': updateBuilding,
  'buildings.retire': retireBuilding,
  'floors.list': listFloors,
  'floors.create': createFloor,
  'floors.update': updateFloor,
  'floors.retire': retireFloor,

  'rooms.get': getRoom,
  'rooms.create': createRoom,
  'rooms.update': updateRoom,
  'rooms.bulkCreate': bulkCreateRooms,
  'rooms.setStatus': setRoomStatus,
  'rooms.retire': retireRoom,
  'rooms.delete': deleteRoom,
  'rooms.statusHistory': roomStatusHistory,
  'rooms.board': roomBoard,
  'rooms.page': roomPage,

  'origins.list': (ctx) => listOrigins(ctx),
  'arrivals.list': listBatches,
  'arrivals.create': createBatch,
  'arrivals.members': batchMembers,
  'arrivals.register': registerArrivals,
  'arrivals.importPreview': previewImport,
  'allocation.suggest': suggestAllocation,
  'allocation.confirm': confirmAllocation,
  'rooms.occupants': roomOccupants,
  'stays.get': getStay,
  'stays.extend': extendStay,
  'stays.move': moveStay,
  'stays.checkOut': checkOut,
  'rooms.disinfect': recordDisinfection,

  'residents.page': (ctx, input) => residentPage(ctx, input, ctx.actor),
  'people.history': personHistory,
  'people.reveal': (ctx, input) => revealNumbers(ctx, input, ctx.actor),
  'stays.cancel': cancelRegistration,
  'prints.releaseNotice': (ctx, input) => releaseNotice(ctx, input, ctx.actor),
  'prints.occupancy': occupancyList,

  'rounds.sheet': roundSheet,
  'rounds.summary': roundSummary,
  'readings.record': (ctx, { temperature, ...input }) =>
    recordRoundReading(
      ctx,
      { ...input, tenths: temperatureTenths(temperature) },
      ctx.actor?.userId ?? null,
    ),
  'readings.ofStay': readingsOfStay,
  'fever.list': listFeverCases,
  'fever.recheck': (ctx, { temperature, ...input }) =>
    recheckFever(
      ctx,
      { ...input, tenths: temperatureTenths(temperature) },
      ctx.actor?.userId ?? null,
    ),
  'fever.transfer': (ctx, input) => transferFeverCase(ctx, input, ctx.actor?.userId ?? null),

  'reports.daily': producedDailyReport,
  'reports.dailyExport': exportDailyReport,
  'print.toPdf': (ctx, input) => printToPdf(ctx.platform, input),
};
