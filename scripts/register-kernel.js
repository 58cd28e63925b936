#!/usr/bin/env node
// `npm run kernel [-- --prefix DIR] [-- --name NAME]`: register this project's tslab as a Jupyter kernel.
import { installKernelSpec, hasTslab, KERNEL_DISPLAY_NAME, KERNEL_NAME } from '../dist/notebook/kernelspec.js';

const argv = process.argv.slice(2);
const option = (flag) => {
  const i = argv.indexOf(flag);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) {
    console.error(`npm run kernel: ${flag} needs a value`);
    process.exit(2);
  }
  return value;
};
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(`Usage: npm run kernel [-- --prefix DIR] [-- --name NAME]
Registers the Jupyter kernel "${KERNEL_DISPLAY_NAME}" (name ${KERNEL_NAME}) that starts this
project's node_modules/.bin/tslab with the current Node. Default: the per-user Jupyter data dir
(jupyter --data-dir); --prefix DIR installs into DIR/share/jupyter/kernels (e.g. a venv: --prefix "$VIRTUAL_ENV").`);
  process.exit(0);
}
if (!hasTslab()) {
  console.error('npm run kernel: node_modules/tslab is missing; run npm install first');
  process.exit(1);
}
const prefix = option('--prefix');
const name = option('--name');
const dir = installKernelSpec({ ...(prefix ? { prefix } : {}), ...(name ? { name } : {}) });
console.log(`Registered Jupyter kernel "${KERNEL_DISPLAY_NAME}" in ${dir}`);
console.log('Open the notebooks with: jupyter lab notebooks/  (or jupyter notebook, VS Code) and pick that kernel.');
