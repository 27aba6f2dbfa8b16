import type { DomainHandlers } from '../services/handlerMap';
import { confirmAllocation, suggestAllocation } from './allocation';
import { batchMembers, createBatch, listBatches, registerArrivals } from './arrivals';
import { setBirthDate } from './birthDate';
import { recordDisinfection } from './disinfection';
import { previewImport } from './importPeople';
import { importTemplate } from './importTemplate';
import { personHistory } from './personHistory';
import { occupancyList, releaseNotice } from './prints';
import { residentPage } from './residents';
import { revealNumbers } from './reveal';
import {
  cancelRegistration,
  checkOut,
  extendStay,
  getStay,
  moveStay,
  roomOccupants,
} from './stays';

/** People from arrival to departure: batches, imports, allocation, stays, prints. */
export const residentsHandlers = {
  'arrivals.list': listBatches,
  'arrivals.create': createBatch,
  'arrivals.members': batchMembers,
  'arrivals.register': registerArrivals,
  'arrivals.importPreview': previewImport,
  'arrivals.importTemplate': importTemplate,
  'allocation.suggest': suggestAllocation,
  'allocation.confirm': confirmAllocation,
  'rooms.occupants': roomOccupants,
  'rooms.disinfect': recordDisinfection,
  'stays.get': getStay,
  'stays.extend': extendStay,
  'stays.move': moveStay,
  'stays.checkOut': checkOut,
  'stays.cancel': cancelRegistration,
  'residents.page': residentPage,
  'people.history': personHistory,
  'people.reveal': revealNumbers,
  'people.setBirthDate': setBirthDate,
  'prints.releaseNotice': releaseNotice,
  'prints.occupancy': occupancyList,
} satisfies DomainHandlers;
