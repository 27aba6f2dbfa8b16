import { z } from 'zod';
import type { ExportedFile } from '../accounts';
import {
  DESTINATION_KINDS,
  MAX_LINE_QUANTITY,
  PARTY_KINDS,
  RECEIPT_SOURCES,
  STOCK_CATEGORIES,
  type DonationRegister,
  type DonationTrace,
  type IssuePlan,
  type OnHandRow,
  type ReceiptImportPreview,
  type StockCardRow,
  type StockDocument,
  type StockItem,
  type StockLocation,
  type StockReport,
} from '../stock';
import { method } from './define';
import { day, expectedVersion, id, isoInstant, line, name, optionalText } from './fields';

const unitName = name(8);
/** A sub-store of the site; absent means the site store. */
const locationId = id.optional();
/** In the unit typed; main bounds the line again once converted to base units. */
const quantity = z.int().min(1).max(MAX_LINE_QUANTITY);
const itemFields = {
  name: name(40),
  category: z.enum(STOCK_CATEGORIES),
  spec: optionalText(40),
  baseUnit: unitName,
  lowThreshold: z.int().min(0).max(100_000_000).default(0),
  tracksLots: z.boolean().default(false),
  units: z
    // A pack holds ≥ 2 base units; 1 is another counting word for the base unit (1 个 = 1 只).
    .array(z.strictObject({ unit: unitName, factor: z.int().min(1).max(1_000_000) }))
    .max(5)
    .default([]),
  aliases: z.array(name(40)).max(20).default([]),
};

/** Every export is a write, so that it is in the audit trail. */
const exportFormat = z.enum(['xlsx', 'csv']);

/** One item's movements at one store over [from, to). */
const cardPeriod = { siteId: id, locationId, itemId: id, from: isoInstant, to: isoInstant };

/** Lines taken from a store first-expiry-first-out: an issue's or a transfer's. */
const issueLines = z
  .array(z.strictObject({ itemId: id, quantity, unit: unitName }))
  .min(1)
  .max(200);

/** Where a receipt came from: the same for one typed by hand and one imported from a list. */
const receiptHead = {
  siteId: id,
  locationId,
  occurredAt: isoInstant,
  source: z.enum(RECEIPT_SOURCES),
  party: z
    .strictObject({
      kind: z.enum(PARTY_KINDS),
      name: name(80),
      contact: optionalText(40),
      phone: optionalText(20),
    })
    .optional(),
  reason: optionalText(200),
};
const receiptLine = {
  itemId: id,
  quantity,
  unit: unitName,
  lotCode: line(40).optional(),
  expiry: day.optional(),
};

/** A line of an imported list: the item it was matched to, or a new one made from its name. */
const importLine = {
  row: z.int().min(1).max(100_000),
  name: line(40),
  spec: optionalText(40),
  ...receiptLine,
  itemId: id.optional(),
  newItem: z
    .strictObject({
      category: z.enum(STOCK_CATEGORIES),
      baseUnit: unitName,
      tracksLots: z.boolean().default(false),
    })
    .optional(),
  /** Base units in one of the line's unit; 1 makes the unit another counting word (1 个 = 1 只). */
  unitFactor: z.int().min(1).max(1_000_000).optional(),
};

export const stockMethods = {
  'stock.items': method<StockItem[]>()({
    input: z.strictObject({ includeArchived: z.boolean().default(false) }),
    kind: 'read',
    access: 'stock.read',
  }),
  'stock.createItem': method<StockItem>()({
    input: z.strictObject(itemFields),
    kind: 'write',
    access: 'stock.manage',
  }),
  'stock.updateItem': method<StockItem>()({
    input: z.strictObject({ id, expectedVersion, ...itemFields }),
    kind: 'write',
    access: 'stock.manage',
  }),
  'stock.archiveItem': method<StockItem>()({
    input: z.strictObject({ id }),
    kind: 'write',
    access: 'stock.manage',
  }),
  'stock.onHand': method<OnHandRow[]>()({
    input: z.strictObject({ siteId: id, locationId }),
    kind: 'read',
    access: 'stock.read',
  }),
  'stock.receive': method<StockDocument>()({
    input: z.strictObject({
      ...receiptHead,
      lines: z
        .array(
          z.strictObject({
            ...receiptLine,
          }),
        )
        .min(1)
        .max(200),
    }),
    kind: 'write',
    access: 'stock.manage',
  }),
  /** Reads a donation list (CSV or XLSX) and matches its names; writes nothing. */
  'stock.importPreview': method<ReceiptImportPreview>()({
    input: z.strictObject({
      fileName: name(200),
      base64: z.base64().max(7_000_000),
    }),
    kind: 'read',
    access: 'stock.manage',
  }),
  'stock.importReceipt': method<StockDocument>()({
    input: z.strictObject({
      ...receiptHead,
      lines: z.array(z.strictObject(importLine)).min(1).max(500),
    }),
    kind: 'write',
    access: 'stock.manage',
  }),
  /**
   * A donation register as printed: one receipt per donor and day the goods arrived, all in one
   * transaction; lines without a donor or day take the form's.
   */
  'stock.importRegister': method<StockDocument[]>()({
    input: z.strictObject({
      siteId: id,
      locationId,
      source: z.enum(RECEIPT_SOURCES),
      party: receiptHead.party,
      receivedOn: day,
      lines: z
        .array(
          z.strictObject({
            ...importLine,
            donor: line(80).optional(),
            donorKind: z.enum(PARTY_KINDS).optional(),
            receivedOn: day.optional(),
            purpose: line(80).optional(),
            note: line(120).optional(),
          }),
        )
        .min(1)
        .max(500),
    }),
    kind: 'write',
    access: 'stock.manage',
  }),
  'stock.planIssue': method<IssuePlan>()({
    input: z.strictObject({ siteId: id, locationId, itemId: id, quantity }),
    kind: 'read',
    access: 'stock.read',
  }),
  'stock.issue': method<StockDocument>()({
    input: z.strictObject({
      siteId: id,
      locationId,
      occurredAt: isoInstant,
      destinationKind: z.enum(DESTINATION_KINDS),
      destination: name(80),
      reason: optionalText(200),
      lines: issueLines,
    }),
    kind: 'write',
    access: 'stock.manage',
  }),
  'stock.adjust': method<StockDocument>()({
    input: z.strictObject({
      siteId: id,
      locationId,
      occurredAt: isoInstant,
      reason: name(200),
      lines: z
        .array(
          z.strictObject({
            itemId: id,
            lotId: id.optional(),
            quantity: z
              .int()
              .min(-MAX_LINE_QUANTITY)
              .max(MAX_LINE_QUANTITY)
              .refine((n) => n !== 0, { message: 'not_zero' }),
          }),
        )
        .min(1)
        .max(200),
    }),
    kind: 'write',
    access: 'stock.manage',
  }),
  'stock.stocktake': method<{ variances: number; document: StockDocument | null }>()({
    input: z.strictObject({
      siteId: id,
      locationId,
      occurredAt: isoInstant,
      reason: name(200),
      counts: z
        .array(
          z.strictObject({
            itemId: id,
            lotId: id.optional(),
            counted: z.int().min(0).max(100_000_000),
          }),
        )
        .min(1)
        .max(2000),
    }),
    kind: 'write',
    access: 'stock.manage',
  }),
  'stock.reverse': method<StockDocument>()({
    input: z.strictObject({ documentId: id, reason: name(200) }),
    kind: 'write',
    access: 'stock.manage',
  }),
  'stock.document': method<StockDocument>()({
    input: z.strictObject({ id }),
    kind: 'read',
    access: 'stock.read',
  }),
  'stock.report': method<StockReport>()({
    input: z.strictObject({ siteId: id, locationId, from: day, to: day }),
    kind: 'read',
    access: 'stock.read',
  }),
  /** A write so that every export is in the audit trail. */
  'stock.reportExport': method<ExportedFile>()({
    input: z.strictObject({
      siteId: id,
      locationId,
      from: day,
      to: day,
      format: exportFormat,
    }),
    kind: 'write',
    access: 'stock.read',
  }),
  'stock.donationsExport': method<ExportedFile>()({
    input: z.strictObject({ siteId: id, from: day, to: day, format: exportFormat }),
    kind: 'write',
    access: 'stock.read',
  }),
  'stock.expiryExport': method<ExportedFile>()({
    input: z.strictObject({ siteId: id, locationId, format: exportFormat }),
    kind: 'write',
    access: 'stock.read',
  }),
  'stock.cardExport': method<ExportedFile>()({
    input: z.strictObject({ ...cardPeriod, format: exportFormat }),
    kind: 'write',
    access: 'stock.read',
  }),
  /** An empty donation register to fill in (with sample lines), for the import. */
  'stock.registerTemplate': method<ExportedFile>()({
    input: z.strictObject({ format: exportFormat }),
    kind: 'write',
    access: 'stock.manage',
  }),
  'stock.donations': method<DonationRegister>()({
    input: z.strictObject({ siteId: id, from: day, to: day }),
    kind: 'read',
    access: 'stock.read',
  }),
  'stock.traceDonation': method<DonationTrace>()({
    input: z.strictObject({ documentId: id }),
    kind: 'read',
    access: 'stock.read',
  }),
  'stock.card': method<{ opening: number; rows: StockCardRow[]; closing: number }>()({
    input: z.strictObject(cardPeriod),
    kind: 'read',
    access: 'stock.read',
  }),
  'stock.locations': method<StockLocation[]>()({
    input: z.strictObject({ siteId: id, includeArchived: z.boolean().default(false) }),
    kind: 'read',
    access: 'stock.read',
  }),
  'stock.createLocation': method<StockLocation>()({
    input: z.strictObject({ siteId: id, name: name(40) }),
    kind: 'write',
    access: 'stock.manage',
  }),
  'stock.archiveLocation': method<StockLocation>()({
    input: z.strictObject({ siteId: id, id }),
    kind: 'write',
    access: 'stock.manage',
  }),
  /** Stock sent from one store of the site to another, lots first-expiry-first-out. */
  'stock.transfer': method<StockDocument>()({
    input: z.strictObject({
      siteId: id,
      fromLocationId: locationId,
      toLocationId: id,
      occurredAt: isoInstant,
      reason: optionalText(200),
      lines: issueLines,
    }),
    kind: 'write',
    access: 'stock.manage',
  }),
  /** Lots expiring within this many days are flagged on the stock screen. */
};
