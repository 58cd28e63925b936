/** English words of the analyses layer (see src/i18n/index.ts and src/i18n/analyses.ts). */
export const analyses = {
  /** The standard RFM segments by key: display name, who is in it, what to do. */
  rfmSegments: {
    champions: {
      name: 'Champions',
      description: 'Bought recently, buy often and spend the most.',
      action: 'Reward them; ask for reviews and referrals; offer early access.',
    },
    loyal: {
      name: 'Loyal Customers',
      description: 'Buy regularly and respond to promotions.',
      action: 'Upsell higher-value products; invite to a loyalty programme.',
    },
    'potential-loyalists': {
      name: 'Potential Loyalists',
      description: 'Recent customers with more than one order.',
      action: 'Offer membership or loyalty rewards; recommend related products.',
    },
    new: {
      name: 'New Customers',
      description: 'Bought very recently, but only once.',
      action: 'Onboard them well; make the second order easy.',
    },
    promising: {
      name: 'Promising',
      description: 'Recent one-time buyers.',
      action: 'Build brand awareness; offer a small incentive to return.',
    },
    'need-attention': {
      name: 'Need Attention',
      description: 'Average recency and frequency; may slip away.',
      action: 'Send limited-time offers based on past purchases.',
    },
    'about-to-sleep': {
      name: 'About to Sleep',
      description: 'Below-average recency and few orders.',
      action: 'Reactivate with popular products and discounts.',
    },
    'at-risk': {
      name: 'At Risk',
      description: 'Bought often, but a long time ago.',
      action: 'Send personal win-back e-mails; offer renewals.',
    },
    'cant-lose': {
      name: "Can't Lose Them",
      description: 'Were among the best customers, but have not returned for long.',
      action: 'Win them back personally; ask what went wrong.',
    },
    hibernating: {
      name: 'Hibernating',
      description: 'Last order long ago, few orders, low spend.',
      action: 'Try a low-cost reactivation; otherwise stop spending on them.',
    },
  },
  /** The coarse loyalty groups. */
  loyalty: { loyal: 'Loyal', potential: 'Potential loyal', 'at-risk': 'At risk', lost: 'Lost' },
  /** Words of cluster names per computed feature and level (recency: a low value means recent). */
  clusterWords: {
    recency: { low: 'recent', mid: 'fairly recent', high: 'lapsed' },
    frequency: { low: 'rare', mid: 'occasional', high: 'frequent' },
    monetary: { low: 'low spend', mid: 'average spend', high: 'high spend' },
    avg_order_value: { low: 'small orders', high: 'large orders' },
    tenure_days: { low: 'new', high: 'long-standing' },
  },
  /** A cluster-name word for a customers column: "high nps", "low age". */
  clusterColumnWord: (level: 'low' | 'high', feature: string) => `${level} ${feature}`,
  /** The name of a cluster that differs from the average in nothing. */
  clusterAverage: 'Average customers',
  /** Display labels of the computed cluster features. */
  features: {
    recency: 'Recency (days)',
    frequency: 'Orders',
    monetary: 'Revenue',
    avg_order_value: 'Average order value',
    tenure_days: 'Customer for (days)',
  },
  /** "212 Champions became At Risk" (the count already formatted). */
  flow: (count: string, from: string, to: string) => `${count} ${from} became ${to}`,
  /** Value tiers: "Top 20%", "Next 30%", "Rest 50%" (the share already formatted). */
  tiers: {
    top: (share: string) => `Top ${share}`,
    next: (share: string) => `Next ${share}`,
    rest: (share: string) => `Rest ${share}`,
  },
};
