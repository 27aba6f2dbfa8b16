import { z } from 'zod';
import type { ExportedFile } from '../accounts';
import { STAFF_ROLES } from '../roster';
import {
  DEFAULT_HORIZON_DAYS,
  DEFAULT_MARGIN_PERCENT,
  MAX_HORIZON_DAYS,
  NORM_BASES,
  type ItemNorms,
  type SupplyForecast,
} from '../supply';
import { method } from './define';
import { id } from './fields';

/** A norm's quantity: positive, at most two decimals (0.25 of a bottle). */
const normQuantity = z
  .number()
  .positive()
  .max(100_000)
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { message: 'two_decimals' });

export const normLine = z
  .strictObject({
    basis: z.enum(NORM_BASES),
    quantity: normQuantity,
    postId: id.optional(),
    role: z.enum(STAFF_ROLES).optional(),
  })
  .refine((l) => l.basis === 'staff_shift' || (l.postId === undefined && l.role === undefined), {
    message: 'shift_scope_only',
    path: ['basis'],
  })
  .refine((l) => l.postId === undefined || l.role === undefined, {
    message: 'post_or_role',
    path: ['role'],
  });

const outlook = {
  siteId: id,
  horizonDays: z.int().min(1).max(MAX_HORIZON_DAYS).default(DEFAULT_HORIZON_DAYS),
  marginPercent: z.int().min(0).max(200).default(DEFAULT_MARGIN_PERCENT),
};

export const supplyMethods = {
  /** Every active item with its norm lines and, where it has none, a proposed default. */
  'supply.norms': method<ItemNorms[]>()({
    input: z.strictObject({ siteId: id }),
    kind: 'read',
    access: 'stock.read',
  }),
  /** Replaces an item's norm lines (an empty list removes its norm). */
  'supply.setNorms': method<ItemNorms>()({
    input: z.strictObject({
      siteId: id,
      itemId: id,
      lines: z.array(normLine).max(20),
    }),
    kind: 'write',
    access: 'stock.manage',
  }),
  'supply.forecast': method<SupplyForecast>()({
    input: z.strictObject(outlook),
    kind: 'read',
    access: 'stock.read',
  }),
  /** The request to the district (申领单) as Excel; a write so that it is in the audit trail. */
  'supply.requestExport': method<ExportedFile>()({
    input: z.strictObject(outlook),
    kind: 'write',
    access: 'stock.read',
  }),
};
