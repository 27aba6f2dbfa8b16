import type { HandlerMap, MethodsOf } from '../services/handlerMap';
import { archiveItem, createItem, listItems, updateItem } from './catalogue';
import { donationRegister, traceDonation } from './donations';
import { importReceipt, previewReceiptImportDeferred } from './importReceipts';
import { exportCard, exportDonations, exportExpiry } from './listExports';
import { archiveLocation, createLocation, listLocations, transfer } from './locations';
import { getDocument } from './documents';
import { adjust, issue, planIssue } from './movements';
import { receive } from './receive';
import { reverse } from './reverse';
import { stocktake } from './stocktake';
import { onHand, stockCard } from './onHand';
import { stockReport } from './report';
import { exportStockReport } from './reportExport';

/** Stock: the catalogue, locations, the movement ledger and what is derived from it. */
export const stockHandlers: HandlerMap<MethodsOf<'stock'>> = {
  'stock.items': listItems,
  'stock.createItem': createItem,
  'stock.updateItem': updateItem,
  'stock.archiveItem': archiveItem,
  'stock.onHand': onHand,
  'stock.receive': (ctx, input) => receive(ctx, input, ctx.actor?.userId ?? null),
  'stock.planIssue': planIssue,
  'stock.issue': (ctx, input) => issue(ctx, input, ctx.actor?.userId ?? null),
  'stock.adjust': (ctx, input) => adjust(ctx, input, ctx.actor?.userId ?? null),
  'stock.reverse': (ctx, input) => reverse(ctx, input, ctx.actor?.userId ?? null),
  'stock.stocktake': (ctx, input) => stocktake(ctx, input, ctx.actor?.userId ?? null),
  'stock.document': (ctx, input) => getDocument(ctx, input.id),
  'stock.card': stockCard,
  'stock.report': stockReport,
  'stock.reportExport': exportStockReport,
  'stock.donations': donationRegister,
  'stock.traceDonation': traceDonation,
  'stock.importPreview': previewReceiptImportDeferred,
  'stock.importReceipt': (ctx, input) => importReceipt(ctx, input, ctx.actor?.userId ?? null),
  'stock.donationsExport': exportDonations,
  'stock.expiryExport': exportExpiry,
  'stock.cardExport': exportCard,
  'stock.locations': listLocations,
  'stock.createLocation': createLocation,
  'stock.archiveLocation': archiveLocation,
  'stock.transfer': (ctx, input) => transfer(ctx, input, ctx.actor?.userId ?? null),
};
