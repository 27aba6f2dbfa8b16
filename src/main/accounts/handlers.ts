import type { HandlerMap, MethodsOf } from '../services/handlerMap';
import { auditPage } from './audit';
import { verifyAuditTrail } from './auditAnchors/verify';
import { exportAudit } from './auditExport';
import { authStatus, changePassword, lock, login, logout, unlock } from './auth';
import { loadDemo } from './demo';
import { endSession, listSessions } from './deviceSessions';
import {
  getSettings,
  setLanguage,
  updateHealthSettings,
  updateObservationSettings,
  updateRosterSettings,
  updateSecuritySettings,
  updateStockSettings,
  updateReceiptBackdate,
} from './settings';
import { initialize } from './setup';
import { createUser, listUsers, resetPassword, setUserDisabled, updateUser } from './users';

/** Accounts: setup, sign-in, users, the audit trail, and the app-wide settings every page edits. */
export const accountHandlers: HandlerMap<
  MethodsOf<'settings' | 'setup' | 'auth' | 'users' | 'sessions' | 'audit'> | 'demo.load'
> = {
  'settings.get': getSettings,
  'settings.setLanguage': setLanguage,
  'settings.updateSecurity': updateSecuritySettings,
  'settings.updateObservation': updateObservationSettings,
  'settings.updateHealth': updateHealthSettings,
  'settings.updateRoster': updateRosterSettings,
  'settings.updateStock': updateStockSettings,
  'settings.updateReceiptBackdate': updateReceiptBackdate,
  'demo.load': loadDemo,

  'setup.initialize': initialize,
  'auth.status': authStatus,
  'auth.login': login,
  'auth.logout': logout,
  'auth.lock': lock,
  'auth.unlock': unlock,
  'auth.changePassword': changePassword,
  'users.list': listUsers,
  'users.create': createUser,
  'users.update': updateUser,
  'users.setDisabled': setUserDisabled,
  'users.resetPassword': resetPassword,
  'sessions.list': listSessions,
  'sessions.end': endSession,
  'audit.page': auditPage,
  'audit.verify': verifyAuditTrail,
  'audit.export': exportAudit,
};
