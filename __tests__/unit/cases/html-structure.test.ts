/**
 * @jest-environment jsdom
 */
// Whatever the machine's text holds (an empty copied command is simply not shown, so texts are non-empty), the HTML case file has the same elements and attributes as with
// harmless text: outside text never becomes markup. Parsed by jsdom's HTML parser, as a browser would.
import fc from 'fast-check';
import { caseToHtml } from '@/lib/cases/html';
import type { CaseFile } from '@/lib/cases/schema';
import { sessionCase } from './case-fixtures';

function withText(text: string): CaseFile {
  const c = sessionCase();
  (c.entries[1]!.payload as { text: string }).text = text;
  (c.entries[3]!.payload as { command: string; label: string }).command = text;
  (c.entries[3]!.payload as { command: string; label: string }).label = text;
  const d = (
    c.entries[2]!.payload as {
      diagnosis: { findings: { detail: string; title: string }[]; summary: { headline: string } };
    }
  ).diagnosis;
  d.findings[0]!.detail = text;
  d.findings[0]!.title = text;
  d.summary.headline = text;
  c.session.target = text;
  return c;
}

/** Every element with its attribute names, in document order. */
function shape(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.querySelectorAll('*')].map((el) => `${el.tagName}[${el.getAttributeNames().join(',')}]`);
}

const hostile = fc.oneof(
  fc.string({ minLength: 1, maxLength: 80 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc
    .array(
      fc.constantFrom(
        '<',
        '>',
        '&',
        '"',
        "'",
        '<script>',
        '</pre>',
        '<img src=x>',
        '<!--',
        ']]>',
        '&lt;',
        '\u202e',
        'a',
        ' ',
      ),
      { minLength: 1, maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);

test('outside text never adds, removes or changes an element or attribute', () => {
  const harmless = shape(caseToHtml(withText('harmless')));
  fc.assert(
    fc.property(hostile, (text) => {
      expect(shape(caseToHtml(withText(text)))).toEqual(harmless);
    }),
    { numRuns: 200 },
  );
});
