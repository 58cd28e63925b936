/** The flag parser and help of src/cli/flags.ts, in-process on a small command of its own. */
import { describe, expect, it } from 'vitest';
import { helpText, numberFlag, parseFlags, UsageError, wholeFlag, type CommandSpec } from '../../src/cli/flags.js';

const SPEC: CommandSpec = {
  name: 'demo',
  args: '[FILE]',
  summary: 'A command for the tests.',
  flags: [
    { name: 'out', value: 'PATH', help: 'where to write', default: 'out.txt' },
    { name: 'min-group', value: 'N', help: 'smallest group shown', default: '10' },
    { name: 'clv', help: 'add CLV', default: 'off' },
  ],
  notes: ['FILE: input.'],
};

const usageError = (args: string[]): string => {
  try {
    parseFlags(SPEC, args);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  return 'no error';
};

describe('parseFlags', () => {
  it('takes --name value, --name=value, switches and positionals; -- ends the flags', () => {
    expect(parseFlags(SPEC, ['a.csv', '--out', 'r.html', '--min-group=5', '--clv', '--', '--out', '-h'])).toEqual({
      values: { out: 'r.html', 'min-group': '5' },
      flags: { clv: true },
      positionals: ['a.csv', '--out', '-h'],
      help: false,
    });
  });

  it('reads a value that starts with one dash as the value (checked later), and the last of a repeated flag', () => {
    expect(parseFlags(SPEC, ['--min-group', '-1', '--out', 'a', '--out', 'b']).values).toEqual({
      'min-group': '-1',
      out: 'b',
    });
  });

  it('answers -h or --help anywhere before --, whatever else is wrong', () => {
    expect(parseFlags(SPEC, ['--bogus', '--out', '-h']).help).toBe(true);
    expect(parseFlags(SPEC, ['--help', '--out']).help).toBe(true);
    expect(parseFlags(SPEC, ['--', '--help']).help).toBe(false);
  });

  it('names the nearest flag for a typo, and the help when none is near', () => {
    expect(usageError(['--ot', 'x'])).toBe('unknown flag --ot for swb demo; did you mean --out?');
    expect(usageError(['--min-grop', '3'])).toBe('unknown flag --min-grop for swb demo; did you mean --min-group?');
    expect(usageError(['--mi=3'])).toBe('unknown flag --mi for swb demo; did you mean --min-group?');
    expect(usageError(['--zzzzzz'])).toBe('unknown flag --zzzzzz for swb demo; swb demo --help lists its flags');
    expect(usageError(['-o', 'x'])).toBe('unknown flag -o for swb demo; swb demo --help lists its flags');
  });

  it('says which value is missing, and that a switch takes none', () => {
    expect(usageError(['--out'])).toBe('--out needs a value (PATH)');
    expect(usageError(['--out', '--clv'])).toBe(
      '--out needs a value (PATH), not the flag --clv (write --out=--clv for a value that starts with --)',
    );
    expect(usageError(['--clv=no'])).toBe('--clv is a switch and takes no value, got --clv=no');
  });
});

describe('number flags', () => {
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return e instanceof UsageError ? e.message : String(e);
    }
    return 'no error';
  };

  it('wholeFlag takes a whole number within the range, and names the range otherwise', () => {
    expect(wholeFlag('customers', undefined, 1, 100)).toBeUndefined();
    expect(wholeFlag('customers', ' 100 ', 1, 100)).toBe(100);
    for (const bad of ['0', '101', '-5', '2.5', '1e2', '', 'ten', '9007199254740993']) {
      expect(message(() => wholeFlag('customers', bad, 1, 100))).toBe(
        `--customers takes a whole number from 1 to 100, not ${JSON.stringify(bad)}`,
      );
    }
  });

  it('numberFlag checks the library range and quotes what was typed', () => {
    expect(numberFlag('margin', '0.3', { min: 0, max: 1, minOpen: true })).toBe(0.3);
    expect(message(() => numberFlag('margin', 'lots', { min: 0, max: 1, minOpen: true }))).toBe(
      '--margin takes a number in (0, 1], not "lots"',
    );
    expect(message(() => numberFlag('rate', '-1', { min: 0, hint: '0.1 = 10% a year' }))).toBe(
      '--rate takes a number ≥ 0 (0.1 = 10% a year), not "-1"',
    );
  });
});

describe('helpText', () => {
  it('lists every flag with its default, then -h, the notes, and no presets for a command without --preset', () => {
    expect(helpText(SPEC)).toBe(
      [
        'usage: swb demo [FILE] [options]',
        '',
        'A command for the tests.',
        '',
        'Options:',
        '  --out PATH     where to write [default: out.txt]',
        '  --min-group N  smallest group shown [default: 10]',
        '  --clv          add CLV [default: off]',
        '  -h, --help     print this help and exit',
        '',
        'FILE: input.',
      ].join('\n'),
    );
  });
});
