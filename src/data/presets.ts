/** Named presets for known exports: their column mapping and what counts as a cancellation. */
import type { ColumnMapping } from './fields.js';

/** A preset: how to read and map one known export format. */
export interface Preset {
  /** Preset name, as passed to `preset`. */
  name: string;
  /** What it is for. */
  description: string;
  /** Column mapping. */
  mapping: ColumnMapping;
  /** Orders whose id starts with this prefix are cancellations (returns). */
  cancellationPrefix?: string;
  /** The file is whitespace-separated with these column names (and optionally a header line). */
  whitespaceColumns?: { [tokenCount: number]: readonly string[] };
  /** strptime format of the date column, when known. */
  dateFormat?: string;
  /** Keep rows with amount 0 (e.g. free items that are still purchases). @defaultValue false */
  keepZeroAmounts?: boolean;
  /** Keep identical rows (a log without order ids, where two equal rows are two purchases). @defaultValue false */
  keepDuplicates?: boolean;
  /** ISO 4217 currency of the amounts (reports format money with it). @defaultValue none: the report's default, EUR */
  currency?: string;
}

/** The built-in presets. */
export const PRESETS: Readonly<Record<string, Preset>> = {
  'online-retail': {
    name: 'online-retail',
    description: 'UCI Online Retail (2010-2011): amount = Quantity × UnitPrice; invoices starting with C are cancellations',
    mapping: {
      customerId: 'CustomerID', orderId: 'InvoiceNo', orderDate: 'InvoiceDate', quantity: 'Quantity',
      unitPrice: 'UnitPrice', productId: 'StockCode', description: 'Description', country: 'Country',
    },
    cancellationPrefix: 'C',
    currency: 'GBP',
  },
  'online-retail-ii': {
    name: 'online-retail-ii',
    description: 'UCI Online Retail II (2009-2011): amount = Quantity × Price; invoices starting with C are cancellations',
    mapping: {
      customerId: 'Customer ID', orderId: 'Invoice', orderDate: 'InvoiceDate', quantity: 'Quantity',
      unitPrice: 'Price', productId: 'StockCode', description: 'Description', country: 'Country',
    },
    cancellationPrefix: 'C',
    currency: 'GBP',
  },
  cdnow: {
    name: 'cdnow',
    description: 'CDNOW purchase history (Fader & Hardie): whitespace-separated, YYYYMMDD dates; 4 columns (master file) or 5 (1/10 sample, customer = sample id)',
    mapping: { customerId: 'customer_id', orderDate: 'date', quantity: 'number_of_cds', amount: 'dollar_value' },
    whitespaceColumns: {
      4: ['customer_id', 'date', 'number_of_cds', 'dollar_value'],
      5: ['master_id', 'customer_id', 'date', 'number_of_cds', 'dollar_value'],
    },
    dateFormat: '%Y%m%d',
    // CDNOW has no order ids: identical rows are separate purchases, and $0 purchases are purchases.
    keepZeroAmounts: true,
    keepDuplicates: true,
    currency: 'USD',
  },
};

/** Names of the built-in presets. */
export const PRESET_NAMES: readonly string[] = Object.keys(PRESETS);
