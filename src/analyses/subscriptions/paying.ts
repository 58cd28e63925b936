/**
 * The one definition of "paying at a date", shared by MRR movements, subscription churn, subscription
 * cohorts and usage churn, so every figure about subscriptions counts the same customers.
 *
 * A subscription period (a row of `subscriptions`) covers the days `start_date <= d < end_date`
 * (`end_date` NULL = still running). A customer's MRR at date `d` is the sum of `mrr` over the periods
 * that cover `d`; the customer is paying at `d` when that sum is > 0. Months are measured at their last
 * day: the MRR of month M is the MRR on the last day of M, so a period that starts and ends inside one
 * month is never counted (stated in the method section). months-sql.ts builds the month-end MRR of every
 * customer and month by this rule (a period covers the month ends from its start month to the month
 * before its end month), once per subscriptions table.
 */

/**
 * SQL for `customer_id, mrr` at the date held by the SQL expression `dateExpr` (a bound parameter such
 * as `$at` or a column of a joined month table), over the `subscriptions` table (or `table`).
 * Only customers with MRR > 0 are returned.
 * @example wb.query(`select count(*) as n from (${mrrAtSql('$at')})`, { at: '2023-06-30' })
 */
export function mrrAtSql(dateExpr: string, table = 'subscriptions'): string {
  return `select customer_id, sum(mrr) as mrr from ${table}
          where start_date <= cast(${dateExpr} as date) and (end_date is null or end_date > cast(${dateExpr} as date))
          group by customer_id having sum(mrr) > 0`;
}
