import { z } from 'zod';
import type { ExportedFile } from '../accounts';
import type { AutoFillResult, DutySheet, RosterGrid, RosterPeriod, SlotCandidate } from '../roster';
import { method } from './define';
import { day, expectedVersion, id, line } from './fields';

const reason = line(200).optional();
/** The slot's `version` as the grid showed it: a slot another desk changed since is a CONFLICT. */
const expectedSlotVersion = expectedVersion;

export const rosterMethods = {
  'roster.periods': method<RosterPeriod[]>()({
    input: z.strictObject({ siteId: id }),
    kind: 'read',
    access: 'roster.read',
  }),
  'roster.createPeriod': method<RosterPeriod>()({
    input: z.strictObject({ siteId: id, startsOn: day, endsOn: day }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'roster.grid': method<RosterGrid>()({
    input: z.strictObject({ periodId: id }),
    kind: 'read',
    access: 'roster.read',
  }),
  'roster.candidates': method<SlotCandidate[]>()({
    input: z.strictObject({ periodId: id, postId: id, templateId: id, day }),
    kind: 'read',
    access: 'roster.read',
  }),
  'roster.assign': method<RosterGrid>()({
    input: z.strictObject({
      periodId: id,
      postId: id,
      templateId: id,
      day,
      staffId: id,
      expectedSlotVersion,
      reason,
    }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'roster.unassign': method<RosterGrid>()({
    input: z.strictObject({ assignmentId: id, expectedSlotVersion, reason }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'roster.swap': method<RosterGrid>()({
    input: z.strictObject({ assignmentId: id, staffId: id, expectedSlotVersion, reason }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'roster.autoFill': method<AutoFillResult>()({
    input: z.strictObject({ periodId: id }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'roster.publish': method<RosterPeriod>()({
    input: z.strictObject({ periodId: id }),
    kind: 'write',
    access: 'roster.manage',
  }),
  /** A write so that every printed sheet (with phone numbers) is in the audit trail. */
  'roster.dutySheet': method<DutySheet>()({
    input: z.strictObject({ periodId: id, day }),
    kind: 'write',
    access: 'roster.read',
  }),
  /** A write so that every export is in the audit trail. */
  'roster.export': method<ExportedFile>()({
    input: z.strictObject({ periodId: id }),
    kind: 'write',
    access: 'roster.read',
  }),
};
