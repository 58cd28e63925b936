import { describe, expect, it } from 'vitest';
import { compactSvg, prefixSvgIds } from '../../src/report/svg.js';

describe('static chart SVG', () => {
  it('compactSvg drops per-mark ARIA attributes and rounds geometry to 1/100 px, leaving text alone', () => {
    const svg =
      '<svg><g role="graphics-symbol" aria-roledescription="bar" aria-label="x: 1.23456"><path d="M0.123456,10.987654L3,4"/>' +
      '<rect x="1.005001" y="-2.3333333" width="10" height="7.12999"/><text>3.14159 €</text></g></svg>';
    const out = compactSvg(svg);
    expect(out).toBe(
      '<svg><g><path d="M0.12,10.98L3,4"/><rect x="1.00" y="-2.33" width="10" height="7.12"/><text>3.14159 €</text></g></svg>',
    );
  });

  it('prefixSvgIds makes clip-path ids unique per chart', () => {
    const out = prefixSvgIds(
      '<clipPath id="clip1"></clipPath><g clip-path="url(#clip1)"></g><g clip-path="url(#other)"></g>',
      'c1-',
    );
    expect(out).toContain('id="c1-clip1"');
    expect(out).toContain('url(#c1-clip1)');
    expect(out).toContain('url(#other)');
  });
});
