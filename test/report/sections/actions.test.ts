import { describe, expect, it } from 'vitest';
import { actionsSection } from '../../../src/analyses/actions/section.js';
import { standardSegmentMap } from '../../../src/analyses/rfm/segment-map.js';
import type { RfmResult } from '../../../src/analyses/rfm/index.js';

const rfm = {
  options: { segmentMap: standardSegmentMap(5) },
  segments: [{ key: 'champions', customers: 604 }, { key: 'hibernating', customers: 1335 }, { key: 'new', customers: 0 }],
} as unknown as RfmResult;

describe('actionsSection', () => {
  it('names the export filter of every non-empty RFM segment with what to do, in Dutch', () => {
    const s = actionsSection({ rfm }, { locale: 'nl' })!;
    expect(s.title).toBe('Lijsten om mee aan de slag te gaan');
    expect(s.tables?.[0]?.rows.map((r) => r.slice(0, 3))).toEqual([['Kampioenen', '604', 'rfm_segment = champions'], ['Slapend', '1.335', 'rfm_segment = hibernating']]);
    expect(s.tables?.[0]?.columns[1]).toEqual({ label: 'Klanten', numeric: true, kind: 'count' });
  });

  it('is left out when there is nothing to act on', () => {
    expect(actionsSection({})).toBeUndefined();
  });
});
