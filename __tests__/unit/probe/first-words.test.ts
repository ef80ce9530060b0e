import { chooseFirstWords, fallbackWords, PG_SSL_REQUEST, RESP_PING } from '@/lib/probe/first-words';
import { guessProtocol } from '@/lib/probe/sniff';

const ascii = (text: string) => Buffer.from(text, 'latin1');

describe('the first request to a server that waits for the client', () => {
  test('follows the owner: Redis-family servers get a RESP PING, PostgreSQL an SSLRequest', () => {
    expect(chooseFirstWords('redis-server', 40000)).toBe('resp');
    expect(chooseFirstWords('valkey-server', 40000)).toBe('resp');
    expect(chooseFirstWords('postgres', 40000)).toBe('pg-ssl');
  });

  test('the owner wins over the port: a web app on 6379 gets HTTP', () => {
    expect(chooseFirstWords('node', 6379)).toBe('http');
    expect(chooseFirstWords('python3', 5432)).toBe('http');
  });

  test('with the owner unknown, the well-known port decides, else HTTP', () => {
    expect(chooseFirstWords(null, 6379)).toBe('resp');
    expect(chooseFirstWords(null, 5432)).toBe('pg-ssl');
    expect(chooseFirstWords(null, 3000)).toBe('http');
  });

  test('after a silent hang-up, the other client-first requests are tried', () => {
    expect(fallbackWords('http')).toEqual(['resp', 'pg-ssl']);
    expect(fallbackWords('resp')).toEqual(['pg-ssl']);
    expect(fallbackWords('pg-ssl')).toEqual(['resp']);
  });

  test('the requests are the protocol bytes', () => {
    expect(RESP_PING.toString('latin1')).toBe('PING\r\n');
    // length 8, then 1234 5679 (80877103), as PostgreSQL's protocol defines SSLRequest
    expect([...PG_SSL_REQUEST]).toEqual([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);
    expect(PG_SSL_REQUEST.readUInt32BE(4)).toBe(80877103);
  });
});

describe('recognising the answers', () => {
  test('Redis answers a PING with +PONG, or an error when locked', () => {
    expect(guessProtocol(ascii('+PONG\r\n'), 'reply')).toBe('Redis');
    expect(guessProtocol(ascii('-NOAUTH Authentication required.\r\n'), 'reply')).toBe('Redis');
    expect(guessProtocol(ascii('-DENIED Redis is running in protected mode\r\n'), 'reply')).toBe('Redis');
  });

  test('a lone S or N answers an SSLRequest only from PostgreSQL', () => {
    expect(guessProtocol(ascii('N'), 'sslrequest-reply')).toBe('PostgreSQL');
    expect(guessProtocol(ascii('S'), 'sslrequest-reply')).toBe('PostgreSQL');
    expect(guessProtocol(ascii('N'), 'reply')).toBe('unknown');
    expect(guessProtocol(ascii('NO'), 'sslrequest-reply')).toBe('unknown');
  });
});
