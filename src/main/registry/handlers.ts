import type { DomainHandlers } from '../services/handlerMap';
import { createBuilding, listBuildings, retireBuilding, updateBuilding } from './buildings';
import { createFloor, listFloors, retireFloor, updateFloor } from './floors';
import { listOrigins } from './origins';
import { roomBoard } from './roomBoard';
import { bulkCreateRooms } from './roomBulk';
import { roomPage } from './roomPage';
import {
  createRoom,
  deleteRoom,
  getRoom,
  retireRoom,
  roomStatusHistory,
  setRoomStatus,
  updateRoom,
} from './rooms';
import { createSite, listSites, retireSite, updateSite } from './sites';

/** Sites, buildings, floors and rooms: the place itself. */
export const registryHandlers = {
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
  'origins.list': listOrigins,
} satisfies DomainHandlers;
