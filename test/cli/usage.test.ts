/**
 * The command line's own text: help, version, and the one-line usage errors (exit 2) for mistyped flags,
 * missing values and numbers out of range. Runs the built CLI (see helpers/cli.ts).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireCli, runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/data.js';
import { PRESETS } from '../../src/data/presets.js';
import { reportCommand } from '../../src/cli/report.js';
import { exportCommand } from '../../src/cli/export.js';
import { validateCommand } from '../../src/cli/validate.js';
import { sampleCommand } from '../../src/cli/sample.js';
import { parseFlags } from '../../src/cli/flags.js';

beforeAll(() => {
  requireCli();
});

const COMMANDS = [reportCommand, exportCommand, validateCommand, sampleCommand];
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const fresh = (): string => mkdtempSync(join(tmpdir(), 'swb-usage-'));

describe('swb --help and --version', () => {
  it.each(COMMANDS.map((c) => c.spec.name))(
    'swb %s --help lists every flag with its default and the presets, exit 0',
    async (name) => {
      const spec = COMMANDS.find((c) => c.spec.name === name)?.spec;
      for (const form of [
        [name, '--help'],
        [name, '-h'],
        ['help', name],
        [name, '--out', 'x', '--bogus', '--help'],
      ]) {
        const r = await runCli(form);
        expect([r.code, r.stderr], form.join(' ')).toEqual([0, '']);
        expect(r.stdout.split('\n')[0]).toBe(`usage: swb ${name} ${spec?.args} [options]`);
        for (const f of spec?.flags ?? []) {
          const line = r.stdout.split('\n').find((l) => l.startsWith(`  --${f.name}${f.value ? ` ${f.value}` : ''} `));
          expect(line, `--${f.name}`).toBeDefined();
          expect(line).toContain(`${f.help} [default: ${f.default}]`);
        }
        expect(r.stdout).toMatch(/^ {2}-h, --help +print this help and exit$/m);
        const presets = r.stdout.includes('\nPresets (--preset):\n');
        expect(presets).toBe(name !== 'sample');
        if (presets)
          for (const p of Object.values(PRESETS))
            expect(r.stdout).toMatch(new RegExp(`^ {2}${p.name} +${p.description.replace(/[()×]/g, '.')}$`, 'm'));
      }
    },
  );

  it('states the defaults a user relies on, in words', async () => {
    const report = (await runCli(['report', '--help'])).stdout;
    // the flag column is as wide as the longest flag of the command
    const line = (flag: string, text: string) =>
      new RegExp(`\\n {2}${flag} +${text.replace(/[[\]().|+]/g, '\\$&')}\\n`);
    expect(report).toMatch(
      line(
        '--min-group N',
        'counts of fewer than N customers are hidden (privacy), 1 to 1,000,000; 1 shows every count [default: 10]',
      ),
    );
    expect(report).toMatch(
      line(
        '--memory-limit SIZE',
        "DuckDB's memory limit, e.g. 2GB; work beyond it spills to a temporary folder [default: 500MB]",
      ),
    );
    expect(report).toMatch(
      line('--locale en\\|nl', 'language of labels and format of numbers, money and dates [default: en]'),
    );
    const sample = (await runCli(['sample', '--help'])).stdout;
    expect(sample).toContain('\n  --customers N    number of customers, 1 to 100,000,000 [default: 10,000]\n');
  });

  it('every flag the help lists is one the parser takes', () => {
    for (const { spec } of COMMANDS) {
      for (const f of spec.flags) {
        const parsed = parseFlags(spec, f.value ? [`--${f.name}`, 'v'] : [`--${f.name}`]);
        expect(f.value ? parsed.values[f.name] : parsed.flags[f.name], `${spec.name} --${f.name}`).toBe(
          f.value ? 'v' : true,
        );
      }
    }
  });

  it('swb --help, -h and help list the commands and presets (exit 0); swb alone prints it on stderr (exit 2)', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = await runCli(args);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout.split('\n')[0]).toBe('segment-workbench (swb): customer segmentation on DuckDB');
      for (const c of COMMANDS)
        expect(r.stdout).toContain(`\n  swb ${c.spec.name} ${c.spec.args} [options]\n      ${c.spec.summary}\n`);
      expect(r.stdout).toContain('\n  swb --version\n      print the version and exit\n');
      expect(r.stdout).toMatch(/^ {2}online-retail-ii {2}UCI Online Retail II/m);
      expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
        'Run swb COMMAND --help for its flags, their defaults and what they do. Exit codes: 0 done, 1 bad input, 2 usage error.',
      );
    }
    const bare = await runCli([]);
    expect([bare.code, bare.stdout]).toEqual([2, '']);
    expect(bare.stderr).toContain('Commands:');
  });

  it('swb --version and -V print the package version, exit 0', async () => {
    for (const flag of ['--version', '-V'])
      expect(await runCli([flag])).toEqual({ code: 0, stdout: `segment-workbench ${VERSION}\n`, stderr: '' });
  });
});

describe('usage errors: one line, exit 2, nothing written', () => {
  it.each([
    [['report', '--local', 'nl'], 'error: unknown flag --local for swb report; did you mean --locale? [USAGE]'],
    [['report', '--ou', 'r.html'], 'error: unknown flag --ou for swb report; did you mean --out? [USAGE]'],
    [['export', '--delim', ';'], 'error: unknown flag --delim for swb export; did you mean --delimiter? [USAGE]'],
    [
      ['validate', 'a.csv', '--prest', 'cdnow'],
      'error: unknown flag --prest for swb validate; did you mean --preset? [USAGE]',
    ],
    [
      ['report', '--colour', 'red'],
      'error: unknown flag --colour for swb report; swb report --help lists its flags [USAGE]',
    ],
    [['report', '-x'], 'error: unknown flag -x for swb report; swb report --help lists its flags [USAGE]'],
    [['reprot'], 'error: unknown command reprot; did you mean swb report? [USAGE]'],
    [
      ['frobnicate'],
      'error: unknown command frobnicate; the commands are validate, sample, report, export, compare (swb --help) [USAGE]',
    ],
    [['report', '--out'], 'error: --out needs a value (PATH) [USAGE]'],
    [
      ['report', '--title', '--clv'],
      'error: --title needs a value (T), not the flag --clv (write --title=--clv for a value that starts with --) [USAGE]',
    ],
    [['report', '--clv=yes'], 'error: --clv is a switch and takes no value, got --clv=yes [USAGE]'],
    [['report', '--min-group', '-1'], 'error: --min-group takes a whole number from 1 to 1,000,000, not "-1" [USAGE]'],
    [
      ['report', '--min-group', '2.5'],
      'error: --min-group takes a whole number from 1 to 1,000,000, not "2.5" [USAGE]',
    ],
    [
      ['report', '--min-group=1000001'],
      'error: --min-group takes a whole number from 1 to 1,000,000, not "1000001" [USAGE]',
    ],
    [['report', '--clv', '--margin', '0'], 'error: --margin takes a number in (0, 1], not "0" [USAGE]'],
    [['report', '--clv', '--margin', 'lots'], 'error: --margin takes a number in (0, 1], not "lots" [USAGE]'],
    [
      ['report', '--clv', '--discount-rate', '-0.1'],
      'error: --discount-rate takes a number ≥ 0 (0.1 = 10% a year), not "-0.1" [USAGE]',
    ],
    [
      ['sample', '--customers', '-5', '--out', 'x.csv'],
      'error: --customers takes a whole number from 1 to 100,000,000, not "-5" [USAGE]',
    ],
    [
      ['sample', '--customers', '100000001', '--out', 'x.csv'],
      'error: --customers takes a whole number from 1 to 100,000,000, not "100000001" [USAGE]',
    ],
    [
      ['sample', '--customers', '1e3', '--out', 'x.csv'],
      'error: --customers takes a whole number from 1 to 100,000,000, not "1e3" [USAGE]',
    ],
    [
      ['sample', '--seed', '0', '--out', 'x.csv'],
      'error: --seed takes a whole number from 1 to 4,294,967,295, not "0" [USAGE]',
    ],
    [
      ['report', '--memory-limit', 'lots'],
      'error: --memory-limit takes an amount of memory like 512MB or 4GB, not "lots" [USAGE]',
    ],
    [
      ['export', '--memory-limit', '4 bananas'],
      'error: --memory-limit takes an amount of memory like 512MB or 4GB, not "4 bananas" [USAGE]',
    ],
    [
      ['validate', 'test/fixtures/orders-plain.csv', '--memory-limit', '-1GB'],
      'error: --memory-limit takes an amount of memory like 512MB or 4GB, not "-1GB" [USAGE]',
    ],
    [
      ['report', '--by', 'region'],
      'error: --by region: that is not a column of the transactions file (usable without --customers: country, channel, category, timing, loyalty, journey, product-mix, price); pass --customers FILE with that column to split by it [USAGE]',
    ],
    [
      ['report', '--by', 'region,country,device'],
      'error: --by region,device: these are not columns of the transactions file (usable without --customers: country, channel, category, timing, loyalty, journey, product-mix, price); pass --customers FILE with those columns to split by them [USAGE]',
    ],
  ])('swb %j', async (args, line) => {
    const dir = fresh();
    const writes = (args[0] === 'report' || args[0] === 'export') && !args.includes('--out');
    const r = await runCli([...args, ...(writes ? ['--out', join(dir, 'out')] : [])]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
    expect(readdirSync(dir)).toEqual([]);
  });
});
