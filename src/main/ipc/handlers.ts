import { exportCard, exportDonations, exportExpiry } from '../services/stock/listExports';
import {
  archiveLocation,
  createLocation,
  listLocations,
  transfer,
} from '../services/stock/locations';
import type { MethodName } from '../../shared/contract';
import { SCHEMA_VERSION } from '../db/migrations';
import { auditPage } from '../services/audit';
import { verifyAuditTrail } from '../services/auditAnchors/verify';
import { exportAudit } from '../services/auditExport';
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
} from '../services/roster/periods';
import { dutySheet } from '../services/roster/dutySheet';
import { exportRoster } from '../services/roster/rosterExport';
import { archiveItem, createItem, listItems, updateItem } from '../services/stock/catalogue';
import {
  adjust,
  getDocument,
  issue,
  planIssue,
  receive,
  reverse,
  stocktake,
} from '../services/stock/movements';
import { onHand, stockCard } from '../services/stock/onHand';
import { stockReport } from '../services/stock/report';
import { donationRegister, traceDonation } from '../services/stock/donations';
import { importReceipt, previewReceiptImportDeferred } from '../services/stock/importReceipts';
import { exportStockReport } from '../services/stock/reportExport';
import {
  createPost,
  createTemplate,
  listPosts,
  listTemplates,
  updatePost,
} from '../services/roster/posts';
import {
  addUnavailability,
  createStaff,
  listStaff,
  listUnavailability,
  removeUnavailability,
  setStaffActive,
  updateStaff,
} from '../services/roster/staff';
import { authStatus, changePassword, lock, login, logout, unlock } from '../services/auth';
import { initialize } from '../services/setup';
import {
  countUsers,
  createUser,
  listUsers,
  resetPassword,
  setUserDisabled,
  updateUser,
} from '../services/users';
import {
  backupNow,
  backupOverview,
  backupStatus,
  restoreBackup,
  updateBackupSettings,
} from '../services/backups/handlers';
import { loadDemo } from '../services/demo';
import {
  getSettings,
  setLanguage,
  updateHealthSettings,
  updateRosterSettings,
  updateStockSettings,
  updateObservationSettings,
  updateSecuritySettings,
} from '../services/settings';
import { exportArchive } from '../services/privacy/archiveExport';
import { purgePersonalData, purgePreview, updateRetention } from '../services/privacy/purge';
import type { Handler } from '../services/handlerMap';
import { listSites } from '../registry/sites';
import { registryHandlers } from '../registry/handlers';
import { residentsHandlers } from '../residents/handlers';
import { healthHandlers } from '../health/handlers';
import { reportsHandlers } from '../reports/handlers';

export type Handlers = { [M in MethodName]: Handler<M> };

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

  ...registryHandlers,
  ...residentsHandlers,
  'settings.updateObservation': updateObservationSettings,
  ...healthHandlers,
  'settings.updateHealth': updateHealthSettings,
  ...reportsHandlers,

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
