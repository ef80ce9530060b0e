import { parseCliArgs } from '@/lib/cli/args';

test('--report takes md, json or html, redacted unless --no-redact, to stdout unless --out', () => {
  expect(parseCliArgs(['localhost:3000', '--report', 'html'])).toEqual({
    ok: true,
    args: {
      target: 'localhost:3000',
      json: false,
      intent: 'reach',
      report: 'html',
      redact: true,
      out: undefined,
    },
  });
  expect(parseCliArgs(['--report=md', ':8000', '--no-redact', '--out', 'case.md'])).toMatchObject({
    ok: true,
    args: { target: ':8000', report: 'md', redact: false, out: 'case.md' },
  });
});

test('a wrong format, a missing file name, or case options without --report are refused with a sentence', () => {
  expect(parseCliArgs(['localhost:3000', '--report', 'pdf'])).toEqual({
    ok: false,
    message: '--report must be md, json or html',
  });
  expect(parseCliArgs(['localhost:3000', '--report', 'md', '--out'])).toEqual({
    ok: false,
    message: '--out needs a file name',
  });
  expect(parseCliArgs(['localhost:3000', '--no-redact'])).toMatchObject({
    ok: false,
    message: expect.stringContaining('--out and --no-redact go with --report'),
  });
});

test('without --report the arguments are what they always were', () => {
  expect(parseCliArgs(['localhost:3000', '--json'])).toEqual({
    ok: true,
    args: { target: 'localhost:3000', json: true, intent: 'reach' },
  });
});
