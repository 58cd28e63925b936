/**
 * The Jupyter kernelspec for this project: a TypeScript kernel that starts the project's own
 * tslab (node_modules/.bin/tslab) with the Node that registered it, so notebooks work without a
 * global tslab and get exactly the pinned version. `npm run kernel` installs it for the user (or
 * under `--prefix`); `npm run notebooks` installs it into a temporary Jupyter path of its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Kernel name the notebooks' metadata refers to. */
export const KERNEL_NAME = 'segment-workbench';
/** Name shown in Jupyter's kernel picker. */
export const KERNEL_DISPLAY_NAME = 'TypeScript (segment-workbench)';

/** A kernel.json document. */
export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: 'typescript';
  metadata: Record<string, unknown>;
}

/** The package root (the directory holding package.json and node_modules). */
export function projectRoot(): string {
  return resolve(fileURLToPath(new URL('../..', import.meta.url)));
}

/** Path of the project's tslab launcher (node_modules/.bin/tslab; on Windows the JS file behind it). */
export function tslabLauncher(root = projectRoot()): string {
  return process.platform === 'win32'
    ? join(root, 'node_modules', 'tslab', 'bin', 'tslab')
    : join(root, 'node_modules', '.bin', 'tslab');
}

/**
 * The kernel.json for this project: `node <root>/node_modules/.bin/tslab kernel --config-path {connection_file}`
 * (the same argv `tslab install` writes, with absolute paths).
 * @param node Node executable. @defaultValue the Node running this code
 */
export function kernelSpec(root = projectRoot(), node = process.execPath): KernelSpec {
  return {
    argv: [node, tslabLauncher(root), 'kernel', '--config-path', '{connection_file}'],
    display_name: KERNEL_DISPLAY_NAME,
    language: 'typescript',
    metadata: { project: root },
  };
}

/** Jupyter's per-user data directory, as jupyter_core computes it (JUPYTER_DATA_DIR wins). */
export function userDataDir(): string {
  if (process.env.JUPYTER_DATA_DIR) return process.env.JUPYTER_DATA_DIR;
  try {
    const out = execFileSync('jupyter', ['--data-dir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (out) return out;
  } catch {
    // Jupyter not on PATH: use the platform default below.
  }
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Jupyter');
  if (process.platform === 'win32') return join(process.env.APPDATA ?? homedir(), 'jupyter');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'jupyter');
}

/** Options for installing the kernelspec. */
export interface InstallKernelOptions {
  /** Install under `<prefix>/share/jupyter/kernels/` (a venv, conda env or `/usr/local`). @defaultValue the user's Jupyter data dir */
  prefix?: string;
  /** Kernel name. @defaultValue `'segment-workbench'` */
  name?: string;
  /** Project root whose tslab to start. @defaultValue this package's root */
  root?: string;
}

/**
 * Write `<kernels dir>/<name>/kernel.json` and return its directory.
 * @example installKernelSpec({ prefix: '/opt/venv' })
 */
export function installKernelSpec(options: InstallKernelOptions = {}): string {
  const root = options.root ?? projectRoot();
  const base = options.prefix ? join(resolve(options.prefix), 'share', 'jupyter') : userDataDir();
  const dir = join(base, 'kernels', options.name ?? KERNEL_NAME);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'kernel.json'), `${JSON.stringify(kernelSpec(root), null, 2)}\n`);
  return dir;
}

/** True when the project's tslab is installed (npm install ran). */
export function hasTslab(root = projectRoot()): boolean {
  return existsSync(join(root, 'node_modules', 'tslab', 'bin', 'tslab'));
}
