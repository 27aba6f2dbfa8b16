import type { HandlerMap, MethodsOf } from '../services/handlerMap';
import { dutySheet } from './dutySheet';
import { assign, slotCandidates, swap, unassign } from './assignments';
import { autoFillPeriod } from './autoFillPeriod';
import { rosterGrid } from './grid';
import { createPeriod, listPeriods } from './periods';
import { publishPeriod } from './publish';
import { createPost, createTemplate, listPosts, listTemplates, updatePost } from './posts';
import { importStaff, previewStaffImport, staffImportTemplate } from './importStaff';
import { exportRoster } from './rosterExport';
import {
  addUnavailability,
  createStaff,
  listStaff,
  listUnavailability,
  removeUnavailability,
  setStaffActive,
  updateStaff,
} from './staff';

/** Rosters: staff, posts, shift templates, periods and their grid. */
export const rosterHandlers: HandlerMap<MethodsOf<'staff' | 'posts' | 'shifts' | 'roster'>> = {
  'staff.list': listStaff,
  'staff.create': createStaff,
  'staff.update': updateStaff,
  'staff.setActive': setStaffActive,
  'staff.importPreview': previewStaffImport,
  'staff.import': importStaff,
  'staff.importTemplate': staffImportTemplate,
  'staff.unavailability': listUnavailability,
  'staff.addUnavailability': addUnavailability,
  'staff.removeUnavailability': removeUnavailability,
  'posts.list': listPosts,
  'posts.create': createPost,
  'posts.update': updatePost,
  'shifts.list': listTemplates,
  'shifts.create': createTemplate,
  'roster.periods': listPeriods,
  'roster.createPeriod': createPeriod,
  'roster.grid': rosterGrid,
  'roster.candidates': slotCandidates,
  'roster.assign': assign,
  'roster.unassign': unassign,
  'roster.swap': swap,
  'roster.autoFill': autoFillPeriod,
  'roster.publish': publishPeriod,
  'roster.dutySheet': dutySheet,
  'roster.export': exportRoster,
};
