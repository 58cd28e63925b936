/** The comparison's words: every English text has a Dutch one, and no Dutch text is left in English. */
import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../src/compare/texts.js';

/** Every leaf as text: functions called with recognisable arguments. */
function leaves(node: unknown, path = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') {
    const args = Array.from({ length: node.length }, (_, i) => `«${i}»`);
    return [[path, String((node as (...a: string[]) => unknown)(...args))]];
  }
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

/** Texts that are the same word in both languages. */
const SAME = new Set([
  'columns.segment',
  'eachChart.cohort',
  'columns.kpi',
  'untested',
  'missing',
  'groupings.clusters',
  'factChange',
  'periods.week',
]);

describe('compareTexts', () => {
  it('has a Dutch text for every English one, none of them left in English', () => {
    const en = leaves(compareTexts('en'));
    const nl = new Map(leaves(compareTexts('nl')));
    expect([...nl.keys()]).toEqual(en.map(([k]) => k));
    for (const [key, text] of en) {
      expect(nl.get(key), key).toBeTruthy();
      if (!SAME.has(key)) expect(nl.get(key), key).not.toBe(text);
    }
    expect(compareTexts('nl').title).toBe('Wat is er veranderd');
  });
});
