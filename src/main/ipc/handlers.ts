import type { MethodName, MethodResult, ParsedInput } from '../../shared/contract';
import type { AppInfo } from '../../shared/domain';
import { SCHEMA_VERSION } from '../db/migrations';
import {
  createBuilding,
  listBuildings,
  retireBuilding,
  updateBuilding,
} from '../services/buildings';
import type { ServiceContext } from '../services/context';
import { loadDemo } from '../services/demo';
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
import { getSettings, updateSettings } from '../services/settings';
import { createSite, listSites, retireSite, updateSite } from '../services/sites';

export interface HandlerContext extends ServiceContext {
  shell: AppInfo['shell'];
  version: string;
  dataDir: string;
}

export type Handlers = {
  [M in MethodName]: (ctx: HandlerContext, input: ParsedInput<M>) => MethodResult<M>;
};

/** Contract method → service. The router adds validation, transactions and envelopes. */
export const handlers: Handlers = {
  'app.info': (ctx) => ({
    version: ctx.version,
    schemaVersion: SCHEMA_VERSION,
    dataDir: ctx.dataDir,
    shell: ctx.shell,
    hasSite: listSites(ctx, { includeRetired: false }).length > 0,
  }),
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': updateSettings,
  'demo.load': (ctx) => loadDemo(ctx),

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
};
