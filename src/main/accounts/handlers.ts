import type { HandlerMap, MethodsOf } from '../services/handlerMap';
import { auditPage } from './audit';
import { verifyAuditTrail } from './auditAnchors/verify';
import { exportAudit } from './auditExport';
import { authStatus, changePassword, lock, login, logout, unlock } from './auth';
import { loadDemo } from './demo';
import {
  getSettings,
  setLanguage,
  updateHealthSettings,
  updateObservationSettings,
  updateRosterSettings,
  updateSecuritySettings,
  updateStockSettings,
} from './settings';
import { initialize } from './setup';
import { createUser, listUsers, resetPassword, setUserDisabled, updateUser } from './users';

/** Accounts: setup, sign-in, users, the audit trail, and the app-wide settings every page edits. */
export const accountHandlers: HandlerMap<
  MethodsOf<'settings' | 'setup' | 'auth' | 'users' | 'audit'> | 'demo.load'
> = {
  'settings.get': (ctx) => getSettings(ctx),
  'settings.setLanguage': setLanguage,
  'settings.updateSecurity': updateSecuritySettings,
  'settings.updateObservation': updateObservationSettings,
  'settings.updateHealth': updateHealthSettings,
  'settings.updateRoster': updateRosterSettings,
  'settings.updateStock': updateStockSettings,
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
};
