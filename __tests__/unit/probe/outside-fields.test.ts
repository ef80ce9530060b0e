import { httpAnswerFrom } from '@/lib/probe/http-answer';
import { extractTitle, parseHttpHead } from '@/lib/probe/http-parse';

const bytes = (text: string) => Buffer.from(text, 'latin1');
const answer = (head: string, body = '') => {
  const b = Buffer.concat([bytes(head), Buffer.from(body)]);
  return httpAnswerFrom(
    { bytes: b, total: b.length, tail: b.subarray(-16), firstByteAt: 1, ended: 'end' },
    0,
  )!;
};

describe('server-provided fields are kept bounded, with a note when cut', () => {
  it('cuts the reason phrase, Server, Content-Type and Location, saying how much was cut', () => {
    const long = 'x'.repeat(60_000);
    const http = answer(
      `HTTP/1.1 302 ${long}\r\nServer: ${long}\r\nContent-Type: ${long}\r\nLocation: /${long}\r\n` +
        'Content-Length: 0\r\n\r\n',
    );
    expect(http.reason).toBe(`${'x'.repeat(200)}\u2026 (cut: 59800 more characters)`);
    expect(http.server).toBe(http.reason);
    expect(http.contentType).toBe(http.reason);
    expect(http.location).toBe(`/${'x'.repeat(999)}\u2026 (cut: 59001 more characters)`);
    expect(JSON.stringify(http).length).toBeLessThan(2_000);
  });

  it('keeps ordinary values exactly as sent', () => {
    const http = answer('HTTP/1.1 301 Moved Permanently\r\nServer: nginx/1.25\r\nLocation: /login\r\n\r\n');
    expect(http).toMatchObject({ reason: 'Moved Permanently', server: 'nginx/1.25', location: '/login' });
  });
});

describe('titles', () => {
  const html = (title: string) =>
    extractTitle(
      parseHttpHead(bytes('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n'))!,
      Buffer.from(title),
    );

  it('leaves a reference to a control character as written, and decodes the rest', () => {
    expect(html('<title>&#27;[2J &#x1B;]0;x&#7; &#x9b; &amp; &#233;</title>')).toBe(
      '&#27;[2J &#x1B;]0;x&#7; &#x9b; & \u00e9',
    );
  });

  it('shows a right-to-left override, literal or referenced, as an escape', () => {
    expect(html('<title>Admin \u202egnp.exe &#x202E;</title>')).toBe('Admin \\u202Egnp.exe \\u202E');
  });

  it('cuts a long title with the note', () => {
    expect(html(`<title>${'t'.repeat(500)}</title>`)).toBe(
      `${'t'.repeat(200)}\u2026 (cut: 300 more characters)`,
    );
  });
});
