/** Test helpers: validate a Vega-Lite spec against the schema shipped in the vega-lite package, and render it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { TopLevelSpec } from 'vega-lite';
import { expect } from 'vitest';
import { renderSvg } from '../../src/charts/render.js';

const schemaPath = fileURLToPath(new URL('../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
const validate = ajv.compile(schema);

/** Assert the spec is valid Vega-Lite; fail with the schema errors otherwise. */
export function expectValidSpec(spec: TopLevelSpec): void {
  const ok = validate(spec);
  const errors = ok ? [] : (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`);
  expect(errors).toEqual([]);
}

/** Validate, render to SVG, and return the SVG (asserting it holds marks). */
export async function expectRenders(spec: TopLevelSpec): Promise<string> {
  expectValidSpec(spec);
  const svg = await renderSvg(spec);
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toMatch(/<path|<rect|<text|<line/);
  return svg;
}
