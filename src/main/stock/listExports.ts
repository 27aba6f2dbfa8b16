import type { ExportedFile } from '../../shared/accounts';
import type { Language } from '../../shared/domain';
import { daysBetween, siteDay } from '../../shared/siteDate';
import type { DestinationKind, ReceiptSource } from '../../shared/stock';
import type { HandlerContext } from '../services/context';
import type { Deferred } from '../services/deferred';
import { getSettings } from '../accounts/settings';
import { getItem } from './catalogue';
import { donationRegister } from './donations';
import { onHand, stockCard } from './onHand';
import { auditedSheetFile } from '../services/xlsx/auditedSheetFile';
import { dayCell, siteClock, type SheetTable } from '../services/xlsx/sheetTable';

type Format = 'xlsx' | 'csv';

const SOURCE: Record<Language, Record<ReceiptSource, string>> = {
  'zh-CN': { donation: '捐赠', purchase: '采购', allocation: '上级调拨', transfer: '调入' },
  en: {
    donation: 'Donation',
    purchase: 'Purchase',
    allocation: 'District',
    transfer: 'Transfer in',
  },
};
const DESTINATION: Record<Language, Record<DestinationKind, string>> = {
  'zh-CN': {
    floor: '楼层',
    room: '房间',
    post: '岗位',
    staff: '工作人员',
    community: '街道社区',
    department: '部门',
  },
  en: {
    floor: 'Floor',
    room: 'Room',
    post: 'Post',
    staff: 'Staff',
    community: 'Community',
    department: 'Department',
  },
};

const WORDS = {
  'zh-CN': {
    donations: {
      file: '捐赠登记',
      header: [
        '日期',
        '捐赠方',
        '联系人',
        '单号',
        '物资',
        '规格',
        '批号',
        '有效期至',
        '数量',
        '单位',
        '备注',
      ],
      reversed: '已冲销',
      total: '合计',
    },
    expiry: {
      file: '效期报表',
      header: ['物资', '规格', '批号', '有效期至', '剩余天数', '数量', '单位', '状态'],
      expired: '已过期',
      soon: '临近效期',
    },
    card: {
      file: '物资卡',
      header: ['时间', '单号', '摘要', '批号', '收入', '发出', '结存'],
      opening: '期初结存',
      adjustment: '盘点/调整',
      reversal: '冲销',
    },
  },
  en: {
    donations: {
      file: 'donations',
      header: [
        'Date',
        'Donor',
        'Contact',
        'Document',
        'Item',
        'Spec',
        'Lot',
        'Expiry',
        'Quantity',
        'Unit',
        'Note',
      ],
      reversed: 'reversed',
      total: 'Total',
    },
    expiry: {
      file: 'expiry-report',
      header: ['Item', 'Spec', 'Lot', 'Expiry', 'Days left', 'Quantity', 'Unit', 'Status'],
      expired: 'Expired',
      soon: 'Expiring soon',
    },
    card: {
      file: 'stock-card',
      header: ['Time', 'Document', 'Entry', 'Lot', 'In', 'Out', 'Balance'],
      opening: 'Opening balance',
      adjustment: 'Count / adjustment',
      reversal: 'Reversal',
    },
  },
} as const;

/** The donation register of a period: one row per donated line, with its lot. */
export function exportDonations(
  ctx: HandlerContext,
  input: { siteId: number; from: string; to: string; format: Format },
): Deferred<ExportedFile> {
  const language = getSettings(ctx).language;
  const w = WORDS[language].donations;
  const register = donationRegister(ctx, input);
  const rows = register.entries.flatMap((e) =>
    e.lines.map((l) => [
      siteClock(e.occurredAt),
      e.donor,
      e.contact,
      e.documentId,
      l.itemName,
      l.spec,
      l.lotCode ?? '',
      dayCell(l.expiry),
      l.quantity,
      l.baseUnit,
      e.reversed ? w.reversed : '',
    ]),
  );
  const table: SheetTable = {
    sheet: w.file,
    header: [...w.header],
    rows,
    totals: { label: w.total, columns: [8] },
    widths: [17, 24, 12, 8, 18, 10, 10, 12, 10, 6, 8],
    dates: { 0: 'minute', 7: 'day' },
  };
  return auditedSheetFile(
    ctx,
    'stock.donationsExport',
    `donations ${input.from}–${input.to} as ${input.format}`,
    table,
    `${w.file}_${input.from}_${input.to}`,
    input.format,
  );
}

/** Lots of the store that are expired or expire within the set days, soonest first. */
export function exportExpiry(
  ctx: HandlerContext,
  input: { siteId: number; locationId?: number | undefined; format: Format },
): Deferred<ExportedFile> {
  const language = getSettings(ctx).language;
  const w = WORDS[language].expiry;
  const today = siteDay(ctx.now());
  const lots = onHand(ctx, input)
    .flatMap((item) =>
      item.lots
        .filter((l) => l.expired || l.expiringSoon)
        .map((l) => ({ item, lot: l, expiry: l.expiry! })),
    )
    .sort((a, b) => a.expiry.localeCompare(b.expiry));
  const table: SheetTable = {
    sheet: w.file,
    header: [...w.header],
    rows: lots.map(({ item, lot, expiry }) => [
      item.name,
      item.spec,
      lot.code,
      dayCell(expiry),
      daysBetween(today, expiry),
      lot.quantity,
      item.baseUnit,
      lot.expired ? w.expired : w.soon,
    ]),
    widths: [18, 10, 12, 12, 10, 10, 6, 10],
    dates: { 3: 'day' },
  };
  return auditedSheetFile(
    ctx,
    'stock.expiryExport',
    `expiry report as ${input.format}`,
    table,
    `${w.file}_${today}`,
    input.format,
  );
}

/** One item's stock card: the opening balance, every movement, the running balance. */
export function exportCard(
  ctx: HandlerContext,
  input: Parameters<typeof stockCard>[1] & { format: Format },
): Deferred<ExportedFile> {
  const language = getSettings(ctx).language;
  const w = WORDS[language].card;
  const item = getItem(ctx, input.itemId);
  const card = stockCard(ctx, input);
  const entry = (kind: string, channel: string) =>
    kind === 'receipt'
      ? SOURCE[language][channel as ReceiptSource]
      : kind === 'issue'
        ? DESTINATION[language][channel as DestinationKind]
        : kind === 'adjustment'
          ? w.adjustment
          : w.reversal;
  const table: SheetTable = {
    sheet: w.file,
    header: [...w.header],
    rows: [
      [siteClock(input.from), null, w.opening, '', null, null, card.opening],
      ...card.rows.map((r) => [
        siteClock(r.at),
        r.documentId,
        entry(r.kind, r.channel),
        r.lotCode ?? '',
        r.quantity > 0 ? r.quantity : null,
        r.quantity < 0 ? -r.quantity : null,
        r.balance,
      ]),
    ],
    widths: [17, 8, 14, 12, 10, 10, 10],
    dates: { 0: 'minute' },
  };
  return auditedSheetFile(
    ctx,
    'stock.cardExport',
    `stock card of item ${item.id} as ${input.format}`,
    table,
    `${w.file}_${item.name}_${siteDay(new Date(input.from))}`,
    input.format,
  );
}
