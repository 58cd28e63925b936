/**
 * `npm install` runs no dependency install script we have not decided on: every package of the lock file
 * that has one is named in package.json's `allowScripts` (npm ≥ 11.16), so npm prints no
 * "install scripts … not yet covered by allowScripts" warning. zeromq (tslab's kernel transport) is
 * denied: its prebuilt binary loads without its script, which only compiles one from source.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/data.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean }>;
};

describe('install scripts', () => {
  it('every locked package with an install script is approved or denied in allowScripts', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''))
      .sort();
    expect(withScripts).toEqual(['zeromq']);
    expect(manifest.allowScripts).toEqual({ zeromq: false });
  });

  it('zeromq loads its prebuilt binary without its install script', () => {
    const zmq = createRequire(join(ROOT, 'node_modules/tslab/package.json'))('zeromq') as { Router?: unknown };
    expect(typeof zmq.Router).toBe('function');
  });
});
