/**
 * The browser bundles of vega, vega-lite and vega-embed, read from the installed packages so a
 * report can inline them (no CDN). The `build/*.min.js` files are not in the packages' "exports",
 * so each package directory is found from its resolved entry point and the file read from there.
 */
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { messages } from '../messages.js';

/** The minified browser bundles, in load order. */
export interface VegaBundles {
  /** vega (defines `vega`). */
  vega: string;
  /** vega-lite (defines `vegaLite`). */
  vegaLite: string;
  /** vega-embed (defines `vegaEmbed`). */
  vegaEmbed: string;
}

const BUNDLES: ReadonlyArray<[keyof VegaBundles, string, string]> = [
  ['vega', 'vega', 'build/vega.min.js'],
  ['vegaLite', 'vega-lite', 'build/vega-lite.min.js'],
  ['vegaEmbed', 'vega-embed', 'build/vega-embed.min.js'],
];

/** Directory of an installed package: walk up from its resolved entry to the package.json naming it. */
export function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name)
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(messages.packageNotFound(name));
    dir = parent;
  }
}

let cached: Promise<VegaBundles> | undefined;

/** Read the three bundles once per process. */
export function loadVegaBundles(): Promise<VegaBundles> {
  cached ??= (async () => {
    const entries = await Promise.all(
      BUNDLES.map(async ([key, pkg, file]) => [key, await readFile(join(packageDir(pkg), file), 'utf8')] as const),
    );
    return Object.fromEntries(entries) as unknown as VegaBundles;
  })();
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

/** Version of this package (from its package.json), for the method section. */
export function toolVersion(): string {
  const manifest = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
