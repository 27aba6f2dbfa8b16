import { z } from 'zod';
import {
  ROOM_FEATURES,
  ROOM_STATUSES,
  ROOM_TYPES,
  type BulkCreateResult,
  type Room,
  type RoomBoard,
  type RoomPage,
  type RoomStatusChange,
} from '../domain';
import type { Disinfection, RoomOccupant } from '../people';
import { method } from './define';
import { cursor, expectedVersion, id, isoInstant, line, name, notes } from './fields';
import { floorLevel } from './floors';

export const MAX_BULK_ROOMS = 5000;
export const MAX_PAGE_SIZE = 100;

const roomNumber = z
  .string()
  .trim()
  .min(1)
  .max(16)
  .regex(/^[A-Za-z0-9-]+$/, { message: 'room_number' })
  .transform((s) => s.toUpperCase());
const capacity = z.int().min(1).max(20);
const features = z
  .array(z.enum(ROOM_FEATURES))
  .max(ROOM_FEATURES.length)
  .default([])
  .transform((list) => [...new Set(list)]);

const roomFields = {
  number: roomNumber,
  capacity,
  type: z.enum(ROOM_TYPES),
  features,
  notes: notes(500),
};

export const ROOM_SORT_FIELDS = ['location', 'capacity', 'status', 'type'] as const;
export type RoomSortField = (typeof ROOM_SORT_FIELDS)[number];

export const roomFilter = {
  siteId: id,
  buildingId: id.optional(),
  statuses: z.array(z.enum(ROOM_STATUSES)).max(ROOM_STATUSES.length).optional(),
  includeRetired: z.boolean().default(false),
};

export const bulkCreateInput = z
  .strictObject({
    buildingId: id,
    floorFrom: floorLevel,
    floorTo: floorLevel,
    roomFrom: z.int().min(1).max(99),
    roomTo: z.int().min(1).max(99),
    capacity,
    type: z.enum(ROOM_TYPES),
    features,
  })
  .refine((v) => v.floorFrom <= v.floorTo, { path: ['floorTo'], message: 'range_order' })
  .refine((v) => v.roomFrom <= v.roomTo, { path: ['roomTo'], message: 'range_order' });

export type BulkCreateInput = z.output<typeof bulkCreateInput>;

export const roomMethods = {
  'rooms.get': method<Room>()({
    input: z.strictObject({ id }),
    kind: 'read',
    access: 'registry.read',
  }),
  'rooms.create': method<Room>()({
    input: z.strictObject({ floorId: id, ...roomFields }),
    kind: 'write',
    access: 'registry.manage',
  }),
  'rooms.update': method<Room>()({
    input: z.strictObject({ id, expectedVersion, ...roomFields }),
    kind: 'write',
    access: 'registry.manage',
  }),
  'rooms.bulkCreate': method<BulkCreateResult>()({
    input: bulkCreateInput,
    kind: 'write',
    access: 'registry.manage',
  }),
  'rooms.setStatus': method<Room>()({
    input: z.strictObject({
      id,
      status: z.enum(ROOM_STATUSES),
      reason: line(200).optional(),
    }),
    kind: 'write',
    access: 'registry.manage',
  }),
  'rooms.retire': method<Room>()({
    input: z.strictObject({ id }),
    kind: 'write',
    access: 'registry.manage',
  }),
  'rooms.delete': method<{ id: number }>()({
    input: z.strictObject({ id }),
    kind: 'write',
    access: 'registry.manage',
  }),
  'rooms.statusHistory': method<RoomStatusChange[]>()({
    input: z.strictObject({ roomId: id }),
    kind: 'read',
    access: 'registry.read',
  }),
  'rooms.board': method<RoomBoard>()({
    input: z.strictObject({
      siteId: id,
      buildingId: id.optional(),
      statuses: roomFilter.statuses,
    }),
    kind: 'read',
    access: 'registry.read',
  }),
  'rooms.page': method<RoomPage>()({
    input: z.strictObject({
      ...roomFilter,
      search: line(32).optional(),
      sort: z.enum(ROOM_SORT_FIELDS).default('location'),
      direction: z.enum(['asc', 'desc']).default('asc'),
      cursor: cursor.optional(),
      limit: z.int().min(1).max(MAX_PAGE_SIZE).default(50),
    }),
    kind: 'read',
    access: 'registry.read',
  }),
  'rooms.occupants': method<RoomOccupant[]>()({
    input: z.strictObject({ roomId: id }),
    kind: 'read',
    access: 'people.read',
  }),
  'rooms.disinfect': method<Disinfection>()({
    input: z.strictObject({
      roomId: id,
      operator: name(40),
      performedAt: isoInstant,
      agent: name(60),
      concentration: name(40),
      notes: notes(200),
    }),
    kind: 'write',
    access: 'registry.manage',
  }),
};
