import { describe, expect, it } from 'vitest';
import { actionsSection } from '../../../src/analyses/actions/section.js';
import { standardSegmentMap } from '../../../src/analyses/rfm/segment-map.js';
import type { RfmResult } from '../../../src/analyses/rfm/index.js';

const rfm = {
  options: { segmentMap: standardSegmentMap(5) },
  segments: [
    { key: 'champions', customers: 604 },
    { key: 'hibernating', customers: 1335 },
    { key: 'new', customers: 0 },
  ],
} as unknown as RfmResult;

describe('actionsSection', () => {
  it('names the export filter of every non-empty RFM segment with what to do, in Dutch', () => {
    const s = actionsSection({ rfm }, { locale: 'nl' })!;
    expect(s.title).toBe('Lijsten om mee aan de slag te gaan');
    // the export's fixed code stands right beside the Dutch name, and the intro says why it is English
    expect(s.tables?.[0]?.rows.map((r) => r.slice(0, 3))).toEqual([
      ['Kampioenen', 'rfm_segment = champions', '604'],
      ['Slapend', 'rfm_segment = hibernating', '1.335'],
    ]);
    expect(s.tables?.[0]?.columns[2]).toEqual({ label: 'Klanten', numeric: true, kind: 'count' });
    expect(s.intro?.[1]).toBe(
      'De waarden in het bestand zijn vaste Engelse codes (champions voor Kampioenen), in elke taal dezelfde, zodat een filter blijft werken; elke code staat naast de Nederlandse naam van het segment.',
    );
  });

  it('is left out when there is nothing to act on', () => {
    expect(actionsSection({})).toBeUndefined();
  });
});
