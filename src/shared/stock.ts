/** Supplies, donations and the stock ledger: the vocabulary shared by main and renderer. */
import type { ListPreview, RowPreview } from './imports';

/** 防护用品, 消杀用品, 医疗用品, 生活物资, 食品饮用水, other. */
/**
 * The most one line of a receipt, issue, transfer or adjustment may move, in base units: ten
 * million masks is more than a district holds; anything larger is a slip (a pack count typed as
 * pieces, digits doubled). With it, balances and totals stay exact (below 2^53) for any real use;
 * main also refuses a balance or an item's stock that would pass Number.MAX_SAFE_INTEGER.
 */
export const MAX_LINE_QUANTITY = 10_000_000;

export const STOCK_CATEGORIES = [
  'ppe',
  'disinfection',
  'medical',
  'living',
  'food_water',
  'other',
] as const;
export type StockCategory = (typeof STOCK_CATEGORIES)[number];

export const RECEIPT_SOURCES = ['donation', 'purchase', 'allocation', 'transfer'] as const;
export type ReceiptSource = (typeof RECEIPT_SOURCES)[number];

export const DESTINATION_KINDS = [
  'floor',
  'room',
  'post',
  'staff',
  'community',
  'department',
] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

export const PARTY_KINDS = [
  'company',
  'organisation',
  'individual',
  'district',
  'supplier',
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export type StockDocumentKind = 'receipt' | 'issue' | 'adjustment' | 'reversal';

export interface StockItem {
  id: number;
  name: string;
  category: StockCategory;
  spec: string;
  baseUnit: string;
  lowThreshold: number;
  tracksLots: boolean;
  /** Packs and their size in base units: 1 箱 = 50 只. */
  units: { unit: string; factor: number }[];
  /** Names donors use for it. */
  aliases: string[];
  archived: boolean;
  /** Moves on with every write: an edit names the version it was based on. */
  version: number;
}

export interface LotBalance {
  lotId: number;
  code: string;
  expiry: string | null;
  quantity: number;
  expired: boolean;
  expiringSoon: boolean;
}

export interface OnHandRow {
  itemId: number;
  name: string;
  spec: string;
  category: StockCategory;
  baseUnit: string;
  onHand: number;
  lowThreshold: number;
  low: boolean;
  lots: LotBalance[];
  /** On hand ÷ the average daily issue of the last 7 days; null when nothing was issued. */
  daysOfSupply: number | null;
}

export interface StockLine {
  itemId: number;
  itemName: string;
  lotId: number | null;
  lotCode: string | null;
  expiry: string | null;
  /** The store it moved in (a transfer has a line out of one store and one into another). */
  locationName: string;
  /** Signed, in the base unit: + in, − out. */
  quantity: number;
}

export interface StockDocument {
  id: number;
  kind: StockDocumentKind;
  occurredAt: string;
  source: ReceiptSource | null;
  party: string | null;
  destinationKind: DestinationKind | null;
  destination: string | null;
  reason: string;
  reversesId: number | null;
  lines: StockLine[];
}

/** The site store (main) or one of its sub-stores. */
export interface StockLocation {
  id: number;
  name: string;
  main: boolean;
  archived: boolean;
  /** Base units of every item together: only whether it is empty matters. */
  onHand: number;
}

/** First-expiry-first-out: which lots an issue would take. */
export interface IssuePlan {
  itemId: number;
  requested: number;
  available: number;
  picks: { lotId: number | null; code: string | null; expiry: string | null; quantity: number }[];
}

export interface StockCardRow {
  movementId: number;
  at: string;
  documentId: number;
  kind: StockDocumentKind;
  channel: string;
  lotCode: string | null;
  quantity: number;
  balance: number;
}

/** One item over a period: opening, what came in by source, went out by destination, closing. */
export interface StockReportRow {
  itemId: number;
  name: string;
  spec: string;
  category: StockCategory;
  baseUnit: string;
  opening: number;
  received: Record<ReceiptSource, number>;
  issued: Record<DestinationKind, number>;
  adjusted: number;
  /** Net of reversing documents in the period. */
  reversed: number;
  closing: number;
}

/**
 * The report's grand total for one base unit: 只, 个, 件 and 瓶 are never added together (a box of
 * masks and a bottle of alcohol are not two of anything).
 */
export type StockReportTotal = Omit<StockReportRow, 'itemId' | 'name' | 'spec' | 'category'> & {
  items: number;
};

export interface StockReport {
  siteName: string;
  /** The store it covers: the site store or one sub-store. */
  locationName: string;
  from: string;
  to: string;
  generatedAt: string;
  rows: StockReportRow[];
  /** One per base unit, in the order the units first appear in the rows. */
  totals: StockReportTotal[];
}

export interface DonationEntry {
  documentId: number;
  occurredAt: string;
  donor: string;
  donorKind: PartyKind;
  contact: string;
  /** The purpose and notes the receipt was posted with (a register's 用途 and 备注). */
  reason: string;
  lines: {
    itemId: number;
    itemName: string;
    spec: string;
    baseUnit: string;
    lotCode: string | null;
    expiry: string | null;
    quantity: number;
  }[];
  reversed: boolean;
}

export interface DonationRegister {
  entries: DonationEntry[];
  byDonor: {
    donor: string;
    donations: number;
    items: { itemName: string; baseUnit: string; quantity: number }[];
  }[];
  byItem: { itemName: string; baseUnit: string; quantity: number; donors: number }[];
}

/** Where the lots of one donation went: every issue that took from them, and what is left. */
export interface DonationTrace {
  donation: DonationEntry;
  lots: {
    itemName: string;
    lotCode: string | null;
    received: number;
    issues: {
      documentId: number;
      at: string;
      destinationKind: DestinationKind | null;
      destination: string | null;
      quantity: number;
    }[];
    /** Null for an item not tracked by lot: its pieces mix with others and cannot be followed. */
    onHand: number | null;
  }[];
}

/**
 * One row of a donation list as read, matched to an item where its name (or an alias) is known:
 * the shared preview row (`line` is `row`; refused only for what the preview cannot settle).
 */
export interface ReceiptImportRow extends RowPreview {
  row: number;
  /** The item's name as the list writes it, without its specification. */
  name: string;
  spec: string;
  quantity: number | null;
  unit: string;
  lotCode: string;
  expiry: string | null;
  itemId: number | null;
  /** Why the row cannot be imported as it is (codes, translated by the renderer). */
  problems: string[];
  /** The list's own 序号, when it has that column: what the coordinator finds on paper. */
  serial: string;
  /** The donor and the day the goods arrived, when the list has those columns ('' / null otherwise). */
  donor: string;
  donorKind: PartyKind | null;
  receivedOn: string | null;
  /** 用途 / 受赠方 / 去向, and the row's 备注. */
  purpose: string;
  note: string;
  /** The quantity cell as written, and whether it was only an estimate (2000余只). */
  quantityText: string;
  approximate: boolean;
  /** The units the matched item knows, when the row's unit is not one of them. */
  expectedUnits: string[];
  /** An earlier row with the same donor, day, item, quantity and unit (left out unless ticked). */
  duplicateOf: number | null;
}

export interface ReceiptImportPreview extends ListPreview<ReceiptImportRow> {
  /** Whether donor and date come from the list (a register) or from the form (one donor's list). */
  columns: { donor: boolean; date: boolean };
}
