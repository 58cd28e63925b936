/**
 * Descriptive cluster names from a profile, in English and Dutch ("Recent, frequent, high spend" /
 * "Recent, frequent, hoge besteding"). Rule: a feature is "high" when the cluster's mean z-score is
 * above +{@link NAME_THRESHOLD}, "low" below −{@link NAME_THRESHOLD}, otherwise "mid". Recency,
 * frequency and monetary always get a word (mid included); other features only when high or low.
 * Names that come out the same for two clusters get the cluster number appended.
 */
import type { Locale } from '../../locale.js';

/** z-score beyond which a feature counts as high or low in a name. */
export const NAME_THRESHOLD = 0.5;

type Level = 'low' | 'mid' | 'high';
type Words = Record<Locale, Partial<Record<Level, string>>>;

/** Words per computed feature and level (recency: a low value means recent). */
const WORDS: Record<string, Words> = {
  recency: {
    en: { low: 'recent', mid: 'fairly recent', high: 'lapsed' },
    nl: { low: 'recent', mid: 'redelijk recent', high: 'lang niet gezien' },
  },
  frequency: {
    en: { low: 'rare', mid: 'occasional', high: 'frequent' },
    nl: { low: 'zelden', mid: 'af en toe', high: 'frequent' },
  },
  monetary: {
    en: { low: 'low spend', mid: 'average spend', high: 'high spend' },
    nl: { low: 'lage besteding', mid: 'gemiddelde besteding', high: 'hoge besteding' },
  },
  avg_order_value: {
    en: { low: 'small orders', high: 'large orders' },
    nl: { low: 'kleine orders', high: 'grote orders' },
  },
  tenure_days: {
    en: { low: 'new', high: 'long-standing' },
    nl: { low: 'nieuw', high: 'langjarig' },
  },
};

const AVERAGE: Record<Locale, string> = { en: 'Average customers', nl: 'Gemiddelde klanten' };

function level(z: number): Level {
  return z > NAME_THRESHOLD ? 'high' : z < -NAME_THRESHOLD ? 'low' : 'mid';
}

function word(feature: string, z: number, locale: Locale): string | undefined {
  const l = level(z);
  const known = WORDS[feature];
  if (known) return known[locale][l];
  if (l === 'mid') return undefined;
  return locale === 'nl' ? `${l === 'high' ? 'hoge' : 'lage'} ${feature}` : `${l} ${feature}`;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Name of one profile: feature words in feature order, joined with commas.
 * @example clusterName({ recency: -1, frequency: 1.2, monetary: 0.9 }, ['recency', 'frequency', 'monetary'], 'en') // "Recent, frequent, high spend"
 */
export function clusterName(z: Readonly<Record<string, number>>, features: readonly string[], locale: Locale): string {
  const words = features.map((f) => word(f, z[f] ?? 0, locale)).filter((w): w is string => w !== undefined);
  return words.length ? capitalise(words.join(', ')) : AVERAGE[locale];
}

/** Names of all clusters (index = cluster − 1) for one locale; duplicates get " (n)" with the cluster number. */
export function clusterNames(profiles: ReadonlyArray<Readonly<Record<string, number>>>, features: readonly string[], locale: Locale): string[] {
  const names = profiles.map((z) => clusterName(z, features, locale));
  return names.map((n, i) => (names.filter((m) => m === n).length > 1 ? `${n} (${i + 1})` : n));
}

const FEATURE_LABELS: Record<string, Record<Locale, string>> = {
  recency: { en: 'Recency (days)', nl: 'Recency (dagen)' },
  frequency: { en: 'Orders', nl: 'Orders' },
  monetary: { en: 'Revenue', nl: 'Omzet' },
  avg_order_value: { en: 'Average order value', nl: 'Gemiddelde orderwaarde' },
  tenure_days: { en: 'Customer for (days)', nl: 'Klant sinds (dagen)' },
};

/** Display label of a feature (computed features translated; customers columns by their name). */
export function featureLabel(feature: string, locale: Locale): string {
  return FEATURE_LABELS[feature]?.[locale] ?? feature;
}
