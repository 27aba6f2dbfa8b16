import { sitesAndRooms } from './0001-sites-rooms';
import { accountsAndAudit } from './0002-accounts-audit';
import { peopleAndStays } from './0003-people-stays';
import { health } from './0004-health';
import { roster } from './0005-roster';
import { stock } from './0006-stock';
import { appliedOperations } from './0007-applied-operations';
import { districtScale } from './0008-district-scale';
import { compactReadings } from './0009-compact-readings';
import { departedResidents } from './0010-departed-residents';
import { slimmerRoomLog } from './0011-slimmer-room-log';
import { stayEventReasonCodes } from './0012-stay-event-reason-codes';
import { peopleArrivalDetails } from './0013-people-arrival-details';
import { consumptionNorms } from './0014-consumption-norms';
import { recordVersions } from './0015-record-versions';
import { personNameIndex } from './0017-person-name-index';
import { sessions } from './0016-sessions';
import { leanRosterAssignments } from './0018-lean-roster-assignments';
import { stockMovementsByDocument } from './0019-stock-movements-by-document';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  sitesAndRooms,
  accountsAndAudit,
  peopleAndStays,
  health,
  roster,
  stock,
  appliedOperations,
  districtScale,
  compactReadings,
  departedResidents,
  slimmerRoomLog,
  stayEventReasonCodes,
  peopleArrivalDetails,
  consumptionNorms,
  recordVersions,
  sessions,
  personNameIndex,
  leanRosterAssignments,
  stockMovementsByDocument,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
