import { describe, expect, it } from 'vitest';
import { escapeBreakable, escapeHtml } from '../../src/report/escape.js';

describe('escapeBreakable', () => {
  it('lets a file name wrap after _ - . / only, keeps punctuation around it outside, marks a checksum', () => {
    expect(escapeBreakable('CDNOW_master.txt')).toBe('<span class="file">CDNOW_<wbr>master.<wbr>txt</span>');
    expect(escapeBreakable('en-sample.csv: 2,000 / 2,000')).toBe(
      '<span class="file">en-<wbr>sample.<wbr>csv</span>: 2,000 / 2,000',
    );
    expect(escapeBreakable('(a/b_c.csv.gz)')).toBe('(<span class="file">a/<wbr>b_<wbr>c.<wbr>csv.<wbr>gz</span>)');
    expect(escapeBreakable('3d98c679d063040d440f0135745b68c91a208ac1bf4cc3b75984954aa218284c')).toBe(
      '<span class="hash">3d98c679d063040d440f0135745b68c91a208ac1bf4cc3b75984954aa218284c</span>',
    );
  });

  it('leaves words, numbers, dates and versions as plain escaped text', () => {
    for (const text of [
      '1 Jul 1998 (orders up to and including 30 Jun 1998)',
      '€\u00a04.086.909',
      'US$2,500,316',
      'segment-workbench 0.1.0',
      'e.g.',
    ]) {
      expect(escapeBreakable(text)).toBe(escapeHtml(text));
    }
  });

  it('never lets markup through: a hostile name ending in .csv is only escaped', () => {
    const hostile = '<img src=x onerror=alert(1)>.csv "a_b.csv"<script>.csv';
    const out = escapeBreakable(hostile);
    expect(out).not.toMatch(/<(img|script)/);
    expect(out.replace(/<\/?span[^>]*>|<wbr>/g, '')).toBe(escapeHtml(hostile));
  });
});
