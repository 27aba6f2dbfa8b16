import { exportCard, exportDonations, exportExpiry } from '../stock/listExports';
import { archiveLocation, createLocation, listLocations, transfer } from '../stock/locations';
import type { MethodName, MethodResult, ParsedInput } from '../../shared/contract';
import { SCHEMA_VERSION } from '../db/migrations';
import { auditPage } from '../accounts/audit';
import { verifyAuditTrail } from '../accounts/auditAnchors/verify';
import { exportAudit } from '../accounts/auditExport';
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
import {
  assign,
  autoFillPeriod,
  createPeriod,
  listPeriods,
  publishPeriod,
  rosterGrid,
  slotCandidates,
  swap,
  unassign,
} from '../roster/periods';
import { dutySheet } from '../roster/dutySheet';
import { exportRoster } from '../roster/rosterExport';
import { archiveItem, createItem, listItems, updateItem } from '../stock/catalogue';
import {
  adjust,
  getDocument,
  issue,
  planIssue,
  receive,
  reverse,
  stocktake,
} from '../stock/movements';
import { onHand, stockCard } from '../stock/onHand';
import { stockReport } from '../stock/report';
import { donationRegister, traceDonation } from '../stock/donations';
import { importReceipt, previewReceiptImportDeferred } from '../stock/importReceipts';
import { exportStockReport } from '../stock/reportExport';
import { createPost, createTemplate, listPosts, listTemplates, updatePost } from '../roster/posts';
import {
  addUnavailability,
  createStaff,
  listStaff,
  listUnavailability,
  removeUnavailability,
  setStaffActive,
  updateStaff,
} from '../roster/staff';
import { revealNumbers } from '../services/reveal';
import { authStatus, changePassword, lock, login, logout, unlock } from '../accounts/auth';
import type { MaybeDeferred } from '../services/deferred';
import { initialize } from '../accounts/setup';
import {
  countUsers,
  createUser,
  listUsers,
  resetPassword,
  setUserDisabled,
  updateUser,
} from '../accounts/users';
import {
  createBuilding,
  listBuildings,
  retireBuilding,
  updateBuilding,
} from '../services/buildings';
import {
  backupNow,
  backupOverview,
  backupStatus,
  restoreBackup,
  updateBackupSettings,
} from '../backups/handlers';
import { loadDemo } from '../accounts/demo';
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
import {
  getSettings,
  setLanguage,
  updateHealthSettings,
  updateRosterSettings,
  updateStockSettings,
  updateObservationSettings,
  updateSecuritySettings,
} from '../accounts/settings';
import { createSite, listSites, retireSite, updateSite } from '../services/sites';
import { exportArchive } from '../privacy/archiveExport';
import { purgePersonalData, purgePreview, updateRetention } from '../privacy/purge';
import type { HandlerContext } from '../services/context';

export type Handlers = {
  [M in MethodName]: (ctx: HandlerContext, input: ParsedInput<M>) => MaybeDeferred<MethodResult<M>>;
};

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
  'settings.get': (ctx) => getSettings(ctx),
  'settings.setLanguage': setLanguage,
  'settings.updateSecurity': updateSecuritySettings,
  'demo.load': (ctx) => loadDemo(ctx),

  'setup.initialize': initialize,
  'auth.status': authStatus,
  'auth.login': login,
  'auth.logout': logout,
  'auth.lock': lock,
  'auth.unlock': unlock,
  'auth.changePassword': changePassword,
  'users.list': (ctx) => listUsers(ctx),
  'users.create': createUser,
  'users.update': updateUser,
  'users.setDisabled': setUserDisabled,
  'users.resetPassword': resetPassword,
  'audit.page': (ctx, input) => auditPage(ctx.db, input),
  'audit.verify': (ctx) => verifyAuditTrail(ctx.db, ctx.dataDir),
  'audit.export': exportAudit,

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
  'settings.updateObservation': updateObservationSettings,

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
  'settings.updateHealth': updateHealthSettings,

  'reports.daily': producedDailyReport,
  'reports.dailyExport': exportDailyReport,
  'print.toPdf': (ctx, input) => printToPdf(ctx.platform, input),

  'staff.list': listStaff,
  'staff.create': createStaff,
  'staff.update': updateStaff,
  'staff.setActive': setStaffActive,
  'staff.unavailability': listUnavailability,
  'staff.addUnavailability': addUnavailability,
  'staff.removeUnavailability': (ctx, input) => {
    removeUnavailability(ctx, input);
    return null;
  },
  'posts.list': listPosts,
  'posts.create': createPost,
  'posts.update': updatePost,
  'shifts.list': listTemplates,
  'shifts.create': createTemplate,
  'roster.periods': listPeriods,
  'roster.createPeriod': createPeriod,
  'roster.grid': rosterGrid,
  'roster.candidates': slotCandidates,
  'roster.assign': (ctx, input) => assign(ctx, input, { userId: ctx.actor?.userId ?? null }),
  'roster.unassign': (ctx, input) => unassign(ctx, input, { userId: ctx.actor?.userId ?? null }),
  'roster.swap': (ctx, input) => swap(ctx, input, { userId: ctx.actor?.userId ?? null }),
  'roster.autoFill': autoFillPeriod,
  'roster.publish': (ctx, input) =>
    publishPeriod(ctx, input, { userId: ctx.actor?.userId ?? null }),
  'roster.dutySheet': (ctx, input) => dutySheet(ctx, input, ctx.actor),
  'roster.export': exportRoster,
  'settings.updateRoster': updateRosterSettings,

  'stock.items': listItems,
  'stock.createItem': createItem,
  'stock.updateItem': updateItem,
  'stock.archiveItem': archiveItem,
  'stock.onHand': onHand,
  'stock.receive': (ctx, input) => receive(ctx, input, ctx.actor?.userId ?? null),
  'stock.planIssue': planIssue,
  'stock.issue': (ctx, input) => issue(ctx, input, ctx.actor?.userId ?? null),
  'stock.adjust': (ctx, input) => adjust(ctx, input, ctx.actor?.userId ?? null),
  'stock.reverse': (ctx, input) => reverse(ctx, input, ctx.actor?.userId ?? null),
  'stock.stocktake': (ctx, input) => stocktake(ctx, input, ctx.actor?.userId ?? null),
  'stock.document': (ctx, input) => getDocument(ctx, input.id),
  'stock.card': stockCard,
  'stock.report': stockReport,
  'stock.reportExport': exportStockReport,
  'stock.donations': donationRegister,
  'stock.traceDonation': traceDonation,
  'settings.updateStock': updateStockSettings,
  'stock.importPreview': previewReceiptImportDeferred,
  'stock.importReceipt': (ctx, input) => importReceipt(ctx, input, ctx.actor?.userId ?? null),
  'stock.donationsExport': exportDonations,
  'stock.expiryExport': exportExpiry,
  'stock.cardExport': exportCard,
  'stock.locations': listLocations,
  'stock.createLocation': createLocation,
  'stock.archiveLocation': archiveLocation,
  'stock.transfer': (ctx, input) => transfer(ctx, input, ctx.actor?.userId ?? null),
  'archive.export': exportArchive,
  'privacy.purgePreview': (ctx) => purgePreview(ctx),
  'privacy.setRetention': updateRetention,
  'privacy.purge': purgePersonalData,
  'backups.list': backupOverview,
  'backups.status': backupStatus,
  'backups.create': backupNow,
  'backups.restore': restoreBackup,
  'backups.updateSettings': updateBackupSettings,
};
