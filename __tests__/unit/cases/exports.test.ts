import { caseToHtml, CASE_HTML_CSP } from '@/lib/cases/html';
import { caseToMarkdown, mdFence, mdText } from '@/lib/cases/markdown';
import { renderCase } from '@/lib/cases/export';
import { readCaseFile } from '@/lib/cases/read';
import { sessionCase } from './case-fixtures';

describe('Markdown', () => {
  const md = caseToMarkdown(sessionCase());

  test('leads with the headline and lists every finding with its severity', () => {
    expect(md).toMatch(/^# Localhost Doctor case: localhost:3000\n\n\*\*✓ ok:\*\* localhost:3000 answers/);
    expect(md).toContain('### ✓ ok · http-ok · ');
    expect(md).toContain('## Listeners on port 3000');
    expect(md).toContain('## Timeline');
    expect(md).toContain('(findings +listening, +http-ok');
    expect(md).toContain('<details><summary>All facts of the last diagnosis (JSON)</summary>');
  });

  test("a note's backticks and asterisks stay text", () => {
    expect(md).toContain('Note: started it with \\`node server.js\\` \\*again\\*');
  });

  test('a command with a run of three backticks sits in a fence of four', () => {
    expect(md).toContain('  ````\n  echo ```x```\n  ````');
    expect(mdFence('a ````` b')).toBe('``````\na ````` b\n``````');
  });

  test('outside text cannot open HTML, links, headings or table cells', () => {
    expect(mdText('<img src=x onerror=alert(1)> [a](http://x) | # h\n# h2')).toBe(
      '\\<img src=x onerror=alert(1)\\> \\[a\\](http://x) \\| \\# h \\# h2',
    );
  });
});

describe('HTML', () => {
  const c = sessionCase();
  (c.entries[1]!.payload as { text: string }).text =
    '</pre><script>alert(1)</script><img src="http://x/y.png">';
  const html = caseToHtml(c);

  test('is one file with the CSP, no script, and no URL that a browser would fetch', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CASE_HTML_CSP}">`);
    expect(html).not.toMatch(/<(script|img|link|iframe|object|embed|base|a|form|video|audio|source)\b/i);
    expect(html).not.toMatch(/<[^>]*\s(src|href|action|srcset|poster)=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('shows the headline and each finding by id', () => {
    expect(html).toContain('data-case="headline"');
    for (const id of ['listening', 'http-ok', 'test-commands'])
      expect(html).toContain(`data-finding="${id}"`);
  });
});

describe('JSON', () => {
  test('is the case file itself and reads back as one', () => {
    const { body, fileName, contentType } = renderCase(sessionCase(), 'json');
    expect(fileName).toBe('localhost-doctor-case-localhost-3000-20261202-1430.json');
    expect(contentType).toMatch(/^application\/json/);
    const back = readCaseFile(JSON.parse(body));
    expect(back.ok).toBe(true);
  });
});
