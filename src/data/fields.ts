/**
 * Canonical fields of the `transactions` table, the option names users map columns with, and the
 * English and Dutch header names recognised when no mapping or preset is given.
 */

/** A column mapping: canonical field → source column name. */
export interface ColumnMapping {
  /** Customer identifier (required). */
  customerId?: string;
  /** Order / invoice identifier. @defaultValue derived from customer and order date when absent */
  orderId?: string;
  /** Order date or timestamp (required). */
  orderDate?: string;
  /** Revenue of the row; when absent it is derived as quantity × unit price. */
  amount?: string;
  /** Quantity. */
  quantity?: string;
  /** Price per unit. */
  unitPrice?: string;
  /** Product id / SKU. */
  productId?: string;
  /** Product description. */
  description?: string;
  /** Country. */
  country?: string;
  /** Sales channel. */
  channel?: string;
  /** Product category. */
  category?: string;
  /** Payment method (card, iDEAL, invoice, …). */
  paymentMethod?: string;
  /** Discount given on the row, in money (0 or empty: full price). */
  discount?: string;
  /** Promotion or voucher code used on the row (empty: none). */
  promoCode?: string;
  /** List (catalogue) price per unit, before any discount. */
  listPrice?: string;
}

/** A key of {@link ColumnMapping}. */
export type MappingKey = keyof ColumnMapping;

/** Canonical column name in DuckDB for each mapping key. */
export const FIELD_COLUMNS: Readonly<Record<MappingKey, string>> = {
  customerId: 'customer_id',
  orderId: 'order_id',
  orderDate: 'order_date',
  amount: 'amount',
  quantity: 'quantity',
  unitPrice: 'unit_price',
  productId: 'product_id',
  description: 'description',
  country: 'country',
  channel: 'channel',
  category: 'category',
  paymentMethod: 'payment_method',
  discount: 'discount',
  promoCode: 'promo_code',
  listPrice: 'list_price',
};

/** Mapping keys in a fixed order (used for reports and recognition). */
export const MAPPING_KEYS: readonly MappingKey[] = Object.keys(FIELD_COLUMNS) as MappingKey[];

/** Fields whose values are numbers. */
export const NUMERIC_KEYS: ReadonlySet<MappingKey> = new Set(['amount', 'quantity', 'unitPrice', 'discount', 'listPrice']);

/** Recognised header names (normalised: lower case, no spaces, `_`, `-` or `.`), English and Dutch. */
const SYNONYMS: Readonly<Record<MappingKey, readonly string[]>> = {
  customerId: ['customerid', 'customer', 'customerno', 'customernumber', 'customernr', 'clientid', 'client', 'userid', 'memberid', 'accountid', 'klantid', 'klantnummer', 'klantnr', 'klant', 'relatienummer', 'debiteurnummer'],
  orderId: ['orderid', 'order', 'orderno', 'ordernumber', 'ordernr', 'invoiceno', 'invoice', 'invoiceid', 'invoicenumber', 'transactionid', 'bestelnummer', 'bestelling', 'ordernummer', 'factuurnummer', 'factuurnr', 'factuur', 'bonnummer'],
  orderDate: ['orderdate', 'invoicedate', 'date', 'datetime', 'timestamp', 'purchasedate', 'transactiondate', 'datum', 'orderdatum', 'besteldatum', 'factuurdatum', 'aankoopdatum', 'transactiedatum'],
  amount: ['amount', 'revenue', 'total', 'totalamount', 'sales', 'value', 'ordervalue', 'dollarvalue', 'netamount', 'bedrag', 'omzet', 'totaal', 'totaalbedrag', 'waarde', 'orderwaarde'],
  quantity: ['quantity', 'qty', 'units', 'numberofcds', 'aantal', 'hoeveelheid', 'stuks'],
  unitPrice: ['unitprice', 'price', 'itemprice', 'prijs', 'stukprijs', 'eenheidsprijs', 'prijsperstuk'],
  productId: ['stockcode', 'productid', 'product', 'sku', 'itemid', 'productcode', 'artikelnummer', 'artikelnr', 'artikel', 'artikelcode'],
  description: ['description', 'productname', 'itemname', 'omschrijving', 'productnaam', 'artikelnaam', 'beschrijving'],
  country: ['country', 'land'],
  channel: ['channel', 'saleschannel', 'kanaal', 'verkoopkanaal'],
  category: ['category', 'productcategory', 'categorie', 'productcategorie', 'productgroep'],
  paymentMethod: ['paymentmethod', 'payment', 'paymenttype', 'betaalmethode', 'betaalwijze'],
  discount: ['discount', 'discountamount', 'korting', 'kortingsbedrag'],
  promoCode: ['promocode', 'promotioncode', 'couponcode', 'coupon', 'vouchercode', 'voucher', 'kortingscode', 'actiecode'],
  listPrice: ['listprice', 'originalprice', 'regularprice', 'catalogprice', 'adviesprijs', 'catalogusprijs'],
};

/** Normalise a header for recognition: lower case, accents and separators removed. */
export function normaliseHeader(h: string): string {
  return h.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s_\-.#]/g, '');
}

/** Recognised header names of a customer id (normalised), for the other loaders' recognition tables. */
export const CUSTOMER_ID_HEADERS: readonly string[] = SYNONYMS.customerId;

/** Recognise columns by their header names; each column is used at most once. */
export function recogniseColumns(columns: readonly string[]): ColumnMapping {
  return recogniseWith(columns, SYNONYMS);
}

/**
 * Recognise columns by header names from a table of normalised synonyms (keys in the table's order);
 * each column is used at most once, and earlier synonyms are stronger: 'customerid' beats 'customer'.
 * @example recogniseWith(['Klantnummer', 'Datum'], { customerId: ['klantnummer'], time: ['datum'] })
 */
export function recogniseWith<K extends string>(columns: readonly string[], synonyms: Readonly<Record<K, readonly string[]>>): Partial<Record<K, string>> {
  const mapping: Partial<Record<K, string>> = {};
  const used = new Set<string>();
  for (const key of Object.keys(synonyms) as K[]) {
    for (const name of synonyms[key]) {
      const hit = columns.find((c) => !used.has(c) && normaliseHeader(c) === name);
      if (hit !== undefined) {
        mapping[key] = hit;
        used.add(hit);
        break;
      }
    }
  }
  return mapping;
}
