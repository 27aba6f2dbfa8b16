import type { HandlerMap, MethodsOf } from '../services/handlerMap';
import { archiveItem, createItem, listItems, updateItem } from './catalogue';
import { donationRegister, traceDonation } from './donations';
import { importReceipt, previewReceiptImportDeferred } from './importReceipts';
import { importRegister } from './importRegister';
import { registerTemplate } from './registerTemplate';
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
import { supplyHandlers } from './forecastHandlers';

/**
 * Stock: the catalogue, locations, the movement ledger and what is derived from it; the supply
 * forecast and its norms (`supply.*`).
 */
export const stockHandlers: HandlerMap<MethodsOf<'stock' | 'supply'>> = {
  'stock.items': listItems,
  'stock.createItem': createItem,
  'stock.updateItem': updateItem,
  'stock.archiveItem': archiveItem,
  'stock.onHand': onHand,
  'stock.receive': receive,
  'stock.planIssue': planIssue,
  'stock.issue': issue,
  'stock.adjust': adjust,
  'stock.reverse': reverse,
  'stock.stocktake': stocktake,
  'stock.document': getDocument,
  'stock.card': stockCard,
  'stock.report': stockReport,
  'stock.reportExport': exportStockReport,
  'stock.donations': donationRegister,
  'stock.traceDonation': traceDonation,
  'stock.importPreview': previewReceiptImportDeferred,
  'stock.importReceipt': importReceipt,
  'stock.importRegister': importRegister,
  'stock.registerTemplate': registerTemplate,
  'stock.donationsExport': exportDonations,
  'stock.expiryExport': exportExpiry,
  'stock.cardExport': exportCard,
  'stock.locations': listLocations,
  'stock.createLocation': createLocation,
  'stock.archiveLocation': archiveLocation,
  'stock.transfer': transfer,
  ...supplyHandlers,
};
