import { describe, expect, it } from 'vitest';
import {
  INJECTED_TAG,
  checkOverrides,
  declaredParameters,
  injectParameters,
  literal,
  type Notebook,
  type NotebookCell,
} from '../../src/notebook/parameters.js';
import { PARAMETER_FLAGS, parseRunArgs, paramValue, resolveParameterPaths } from '../../src/notebook/run-args.js';

const code = (source: string, tags?: string[]): NotebookCell => ({
  cell_type: 'code',
  source,
  metadata: tags ? { tags } : {},
  outputs: [],
  execution_count: null,
});
const md = (source: string): NotebookCell => ({ cell_type: 'markdown', source, metadata: {} });
const notebook = (...cells: NotebookCell[]): Notebook => ({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 });

const params = code(
  "let dataPath = '../data/online_retail.csv.gz';\nlet preset = 'online-retail';\nlet asOf: string | null = null;\nlet locale: 'en' | 'nl' = 'en';",
  ['parameters'],
);

describe('injectParameters', () => {
  it('inserts one cell assigning the overrides right after the parameters cell', () => {
    const nb = notebook(md('# t'), params, code('run()'));
    const { notebook: out, missing } = injectParameters(nb, { asOf: '2011-12-01', dataPath: 'x "y".csv' });
    expect(missing).toEqual([]);
    expect(out.cells.map((c) => c.metadata.tags ?? [])).toEqual([[], ['parameters'], [INJECTED_TAG], []]);
    expect(out.cells[2]?.source).toBe(
      [
        '// Injected by `npm run notebooks` with overrides of the parameters above.',
        'asOf = "2011-12-01";',
        'dataPath = "x \\"y\\".csv";',
        'console.log("parameters overridden: asOf, dataPath");',
      ].join('\n'),
    );
    expect(nb.cells).toHaveLength(3); // input untouched
  });

  it('replaces an earlier injected cell, and removes it when there are no overrides', () => {
    const first = injectParameters(notebook(params, code('x')), { locale: 'nl' }).notebook;
    const second = injectParameters(first, { preset: 'cdnow' }).notebook;
    expect(second.cells.filter((c) => c.metadata.tags?.includes(INJECTED_TAG))).toHaveLength(1);
    expect(second.cells[1]?.source).toContain('preset = "cdnow";');
    expect(injectParameters(second, {}).notebook.cells.map((c) => c.source)).toEqual([params.source, 'x']);
  });

  it('reports overrides the notebook does not declare with let, and applies the rest', () => {
    const { notebook: out, missing } = injectParameters(notebook(params), { locale: 'nl', k: 4 });
    expect(missing).toEqual(['k']);
    expect(out.cells[1]?.source).toContain('locale = "nl";');
    expect(out.cells[1]?.source).not.toContain('k =');
  });

  it('refuses overrides for a notebook without a parameters cell', () => {
    expect(() => injectParameters(notebook(code('let a = 1')), { a: 2 })).toThrow(/no parameters cell/);
    expect(injectParameters(notebook(code('let a = 1')), {}).missing).toEqual([]);
  });

  it('finds let declarations only, and writes literals as TypeScript', () => {
    expect(declaredParameters('let a = 1;\nconst b = 2;\n  let c: string | null = null; // x\nlet\td = 3')).toEqual([
      'a',
      'c',
      'd',
    ]);
    expect([literal('a\nb'), literal(3), literal(false), literal(null)]).toEqual(['"a\\nb"', '3', 'false', 'null']);
  });
});

describe('parseRunArgs', () => {
  it('maps the named flags onto the notebook parameters', () => {
    const args = parseRunArgs([
      '--data',
      'x.csv',
      '--as-of=2011-12-01',
      '--locale',
      'nl',
      '--preset',
      'cdnow',
      'notebooks/02-rfm.ipynb',
    ]);
    expect(args).toEqual({
      notebooks: ['notebooks/02-rfm.ipynb'],
      overrides: { dataPath: 'x.csv', asOf: '2011-12-01', locale: 'nl', preset: 'cdnow' },
      help: false,
    });
  });

  it("maps --subscriptions and --events onto notebook 08's file parameters", () => {
    expect(parseRunArgs(['--subscriptions', 'subs.csv', '--events=ev.csv.gz', '--data', 'x.csv']).overrides).toEqual({
      subscriptionsPath: 'subs.csv',
      eventsPath: 'ev.csv.gz',
      dataPath: 'x.csv',
    });
    expect(() => parseRunArgs(['--events'])).toThrow('--events needs a value');
  });

  it('makes relative file parameters absolute from where the command runs, and leaves the rest alone', () => {
    const overrides = {
      dataPath: 'x.csv',
      subscriptionsPath: '/data/subs.csv',
      eventsPath: 'ev/events.csv',
      preset: 'cdnow',
      asOf: '2024-01-01',
    };
    expect(resolveParameterPaths(overrides, '/home/me')).toEqual({
      dataPath: '/home/me/x.csv',
      subscriptionsPath: '/data/subs.csv',
      eventsPath: '/home/me/ev/events.csv',
      preset: 'cdnow',
      asOf: '2024-01-01',
    });
    expect(resolveParameterPaths({ eventsPath: '' }, '/home/me')).toEqual({ eventsPath: '' });
    expect(overrides.dataPath).toBe('x.csv');
  });

  it('takes --param NAME=VALUE with numbers, booleans and null as such', () => {
    expect(parseRunArgs(['--param', 'k=4', '--param=title=a=b', '--param', 'flag=true']).overrides).toEqual({
      k: 4,
      title: 'a=b',
      flag: true,
    });
    expect([paramValue('1e3'), paramValue('-2.5'), paramValue('null'), paramValue('0x10'), paramValue('')]).toEqual([
      1000,
      -2.5,
      null,
      '0x10',
      '',
    ]);
  });

  it('reads --out-dir, --timeout and --help', () => {
    expect(parseRunArgs(['--out-dir', 'out', '--timeout', '30', '-h'])).toEqual({
      notebooks: [],
      overrides: {},
      outDir: 'out',
      timeout: 30,
      help: true,
    });
  });

  it('rejects bad values with a message naming the flag', () => {
    expect(() => parseRunArgs(['--as-of', '01-12-2011'])).toThrow(
      '--as-of takes a date as YYYY-MM-DD, got: 01-12-2011',
    );
    expect(() => parseRunArgs(['--locale', 'de'])).toThrow('--locale takes en or nl, got: de');
    expect(() => parseRunArgs(['--data'])).toThrow('--data needs a value');
    expect(() => parseRunArgs(['--timeout', '0'])).toThrow(/--timeout takes seconds > 0/);
    expect(() => parseRunArgs(['--param', '1x=2'])).toThrow('--param takes NAME=VALUE, got: 1x=2');
    expect(() => parseRunArgs(['--verbose'])).toThrow('unknown option: --verbose (see --help)');
  });
});

describe('checkOverrides', () => {
  const clusters = notebook(
    code("let dataPath = '';\nlet k: number | 'auto' = 'auto';\nlet seed = 42;", ['parameters']),
  );
  const subscriptions = notebook(code("let dataPath = '';\nlet subscriptionsPath = '';", ['parameters']));

  it('accepts overrides that some notebook of the run declares', () => {
    expect(() => checkOverrides([clusters, subscriptions], { k: 4, subscriptionsPath: 's.csv' })).not.toThrow();
  });

  it('refuses a name no notebook declares, with the nearest declared name and all of them', () => {
    expect(() => checkOverrides([clusters], { kk: 4 })).toThrow(
      'unknown parameter kk (did you mean k?): the notebook declares dataPath, k, seed',
    );
    expect(() => checkOverrides([clusters, subscriptions], { zzz: 1 })).toThrow(
      'unknown parameter zzz: none of the 2 notebooks declares it; they declare dataPath, k, seed, subscriptionsPath',
    );
  });

  it('names the flag of a named override', () => {
    expect(() => checkOverrides([clusters], { eventsPath: 'e.csv' }, PARAMETER_FLAGS)).toThrow(
      'unknown parameter --events (eventsPath): the notebook declares dataPath, k, seed',
    );
  });
});
