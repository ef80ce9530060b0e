import fc from 'fast-check';
import { capOutside, forTerminal, neutraliseBidi, outsideText, quoteOutside } from '@/lib/text/outside';

/** Anything a terminal could act on: C0, DEL, C1, bidi controls, line separators, lone surrogates. */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Strings rich in what attackers send: controls, bidi, surrogate halves, mixed with plain text. */
const hostile = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom('\x1b[2J', '\x1b]0;pwn\x07', '\x00', '\x7f', '\x9b', '\u202e', '\u2066', '\r\n', '\t'),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.string({ unit: 'binary' }),
    ),
  )
  .map((parts) => parts.join(''));

describe('forTerminal', () => {
  test('for any string, the output holds no control character, bidi control or lone surrogate', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = forTerminal(s);
        expect(UNSAFE.test(out)).toBe(false);
        // Printable: every code point is a graphic character or a space (what a terminal just draws).
        expect(
          [...out].every((ch) => /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\p{Cf}\p{Co}\p{Cn}]$/u.test(ch)),
        ).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test('printable ASCII is unchanged, so the CLI can add its colours around it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x20-\x7e]*$/), (s) => {
        expect(forTerminal(s)).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });

  test('printable non-ASCII text (accents, CJK, emoji) is unchanged', () => {
    expect(forTerminal('café 東京 🚀 — “ok”')).toBe('café 東京 🚀 — “ok”');
  });

  test('shows the attacks as visible escapes', () => {
    expect(forTerminal('OK \x1b[2J\x1b]0;pwn\x07')).toBe('OK \\x1b[2J\\x1b]0;pwn\\x07');
    expect(forTerminal('a\x00b\x7fc\x9bd')).toBe('a\\x00b\\x7fc\\x9bd');
    expect(forTerminal('line\r\nnext\tcol')).toBe('line\\r\\nnext\\tcol');
    expect(forTerminal('abc\u202edcba')).toBe('abc\\u202Edcba');
    expect(forTerminal('x\ud800y')).toBe('x\\uD800y');
  });

  test('the escape of an escape is itself (idempotent on its own output)', () => {
    fc.assert(fc.property(hostile, (s) => expect(forTerminal(forTerminal(s))).toBe(forTerminal(s))));
  });
});

describe('capOutside', () => {
  test('keeps short text and cuts long text with a note saying how much was cut', () => {
    expect(capOutside('nginx', 200)).toBe('nginx');
    expect(capOutside('x'.repeat(60_000), 200)).toBe(`${'x'.repeat(200)}… (cut: 59800 more characters)`);
    expect(capOutside('abc', 2)).toBe('ab… (cut: 1 more character)');
  });

  test('never splits a surrogate pair, and counts characters, not UTF-16 units', () => {
    expect(capOutside('a🚀🚀🚀', 2)).toBe('a… (cut: 3 more characters)');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 0, max: 40 }), (s, max) => {
        const out = capOutside(s, max);
        // Whole code points only: a string without lone surrogates stays without them.
        expect(UNSAFE.test(out.replace(/[^\ud800-\udfff]/g, ''))).toBe(false);
        if (s.length > max) expect(out).toMatch(/… \(cut: \d+ more characters?\)$/);
        else expect(out).toBe(s);
      }),
    );
  });
});

describe('neutraliseBidi and outsideText', () => {
  test('every bidi control is shown as an escape; other text is kept', () => {
    const all = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
    expect(neutraliseBidi(`evil${all}fdp.exe`)).toBe(
      'evil\\u202A\\u202B\\u202C\\u202D\\u202E\\u2066\\u2067\\u2068\\u2069\\u200E\\u200F\\u061Cfdp.exe',
    );
    expect(neutraliseBidi('nginx/1.25 (Ubuntu) مرحبا')).toBe('nginx/1.25 (Ubuntu) مرحبا');
  });

  test('outsideText is bounded whatever it is given', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = outsideText(s, 50);
        expect(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/.test(out)).toBe(false);
        // 50 kept characters, each at most a 6-character escape, plus the note.
        expect(out.length).toBeLessThanOrEqual(50 * 6 + 40);
      }),
    );
  });
});

describe('quoteOutside', () => {
  test('is one “quoted” line whose content holds neither quote mark nor a control character', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const q = quoteOutside(s);
        expect(q.startsWith('\u201c') && q.endsWith('\u201d')).toBe(true);
        const inner = q.slice(1, -1);
        expect(/[\u201c\u201d]/.test(inner)).toBe(false);
        expect(UNSAFE.test(inner)).toBe(false);
      }),
    );
  });
});
