/** The standard 5×5 R×F grid written out by hand, as an independent reference: `STANDARD_GRID[5 - r][f - 1]`. */
export const STANDARD_GRID: readonly (readonly string[])[] = [
  ['new', 'potential-loyalists', 'potential-loyalists', 'champions', 'champions'],
  ['promising', 'potential-loyalists', 'potential-loyalists', 'loyal', 'loyal'],
  ['about-to-sleep', 'about-to-sleep', 'need-attention', 'loyal', 'loyal'],
  ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cant-lose'],
  ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cant-lose'],
];
