import { answerAsksForTls, httpAnswerFrom, isAnswerEnough } from '@/lib/probe/http-answer';
import { dechunk, extractTitle, isBodyComplete, parseHttpHead } from '@/lib/probe/http-parse';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('parseHttpHead', () => {
  it('reads status, reason and lower-cased headers; joins repeated headers', () => {
    const head = parseHttpHead(
      bytes('HTTP/1.1 404 Not Found\r\nServer: x\r\nVary: a\r\nVary: b\r\n\r\nbody'),
    );
    expect(head).toMatchObject({ httpVersion: '1.1', status: 404, reason: 'Not Found', complete: true });
    expect(head?.headers).toEqual({ server: 'x', vary: 'a, b' });
    expect(head?.headLength).toBe(
      bytes('HTTP/1.1 404 Not Found\r\nServer: x\r\nVary: a\r\nVary: b\r\n\r\n').length,
    );
  });

  it('skips 103 Early Hints and reports the final response', () => {
    const head = parseHttpHead(
      bytes('HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\n\r\n'),
    );
    expect(head).toMatchObject({ status: 200, reason: 'OK' });
  });

  it('accepts bare-LF heads, missing reasons and heads cut by a timeout', () => {
    expect(parseHttpHead(bytes('HTTP/1.0 200\n\n'))).toMatchObject({
      httpVersion: '1.0',
      status: 200,
      reason: '',
    });
    expect(parseHttpHead(bytes('HTTP/1.1 502 Bad Gateway\r\nServer: ngi'))).toMatchObject({
      status: 502,
      complete: false,
      headers: {},
    });
  });

  it('returns null for anything that is not an HTTP status line', () => {
    expect(parseHttpHead(bytes('-ERR unknown command\r\n'))).toBeNull();
    expect(parseHttpHead(bytes('HTTP/1.1 abc\r\n\r\n'))).toBeNull();
  });
});

describe('body completeness and titles', () => {
  const head = (text: string) => {
    const parsed = parseHttpHead(bytes(text));
    if (!parsed) throw new Error('test head did not parse');
    return parsed;
  };

  it('knows when a body is complete from Content-Length, the chunked terminator, or the status', () => {
    expect(isBodyComplete(head('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n'), 3, Buffer.alloc(0))).toBe(
      true,
    );
    expect(isBodyComplete(head('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n'), 2, Buffer.alloc(0))).toBe(
      false,
    );
    const chunked = head('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
    expect(isBodyComplete(chunked, 12, bytes('hi\r\n0\r\n\r\n'))).toBe(true);
    expect(isBodyComplete(chunked, 7, bytes('2\r\nhi\r\n'))).toBe(false);
    expect(isBodyComplete(head('HTTP/1.1 304 Not Modified\r\n\r\n'), 0, Buffer.alloc(0))).toBe(true);
    expect(isBodyComplete(head('HTTP/1.1 200 OK\r\n\r\n'), 10, Buffer.alloc(0))).toBe(false);
  });

  it('de-chunks complete chunks and stops at a cut one', () => {
    expect(dechunk(bytes('5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n')).toString()).toBe('hello world');
    expect(dechunk(bytes('5\r\nhel')).toString()).toBe('hel');
  });

  it('extracts a decoded, trimmed title from HTML only', () => {
    const html = head('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n');
    expect(extractTitle(html, bytes('<title lang="en">\n  A &amp; B &#8212; &lt;dev&gt;\n</title>'))).toBe(
      'A & B — <dev>',
    );
    const json = head('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n');
    expect(extractTitle(json, bytes('{"t":"<title>x</title>"}'))).toBeNull();
    const gzip = head('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n');
    expect(extractTitle(gzip, bytes('<title>x</title>'))).toBeNull();
  });
});

describe('httpAnswerFrom / isAnswerEnough', () => {
  const received = (text: string, ended: 'end' | null) => {
    const b = bytes(text);
    return { bytes: b, total: b.length, tail: b.subarray(-16), firstByteAt: 10, ended };
  };

  it('stops waiting once a Content-Length body is complete, not before', () => {
    expect(isAnswerEnough(received('HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nab', null))).toBe(false);
    expect(isAnswerEnough(received('HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nabcd', null))).toBe(true);
    expect(isAnswerEnough(received('-ERR x\r\n', null))).toBe(true);
  });

  it('treats a close after a length-less head as the end of the body', () => {
    const answer = httpAnswerFrom(received('HTTP/1.1 200 OK\r\n\r\nabc', 'end'), 4);
    expect(answer).toMatchObject({ status: 200, bodyBytes: 3, bodyTruncated: false, ttfbMs: 6 });
    expect(httpAnswerFrom(received('HTTP/1.1 200 OK\r\n\r\nabc', null), 4)?.bodyTruncated).toBe(true);
  });

  it('recognizes a plaintext 400 that asks for HTTPS, and only that', () => {
    const go = received(
      'HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n',
      'end',
    );
    const nginx = received(
      'HTTP/1.1 400 Bad Request\r\n\r\n<center>The plain HTTP request was sent to HTTPS port</center>',
      'end',
    );
    expect(answerAsksForTls(go)).toBe(true);
    expect(answerAsksForTls(nginx)).toBe(true);
    expect(answerAsksForTls(received('HTTP/1.1 400 Bad Request\r\n\r\nmissing field', 'end'))).toBe(false);
    expect(answerAsksForTls(received('HTTP/1.1 200 OK\r\n\r\nHTTP request to an HTTPS server', 'end'))).toBe(
      false,
    );
  });
});
