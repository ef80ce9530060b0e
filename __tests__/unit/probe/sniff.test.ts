import {
  greetingComplete,
  guessProtocol,
  isTlsRecord,
  printableBanner,
  startsLikeHttp,
} from '@/lib/probe/sniff';

const ascii = (text: string) => Buffer.from(text, 'latin1');

/** A MySQL packet: 3-byte little-endian length, sequence id, payload. */
function mysqlPacket(payload: Buffer, sequence = 0): Buffer {
  const header = Buffer.alloc(4);
  header.writeUIntLE(payload.length, 0, 3);
  header[3] = sequence;
  return Buffer.concat([header, payload]);
}

const mysqlHandshake = mysqlPacket(
  Buffer.concat([
    Buffer.from([0x0a]),
    ascii('8.0.36\0'),
    Buffer.from([1, 0, 0, 0]),
    ascii('abcdefgh\0'),
    Buffer.alloc(20),
  ]),
);
const mariadbRefusal = mysqlPacket(
  Buffer.concat([
    Buffer.from([0xff, 0x6a, 0x04]),
    ascii("Host '172.17.0.1' is not allowed to connect to this MariaDB server"),
  ]),
);

function postgresError(fields: string): Buffer {
  const body = ascii(fields);
  const header = Buffer.alloc(5);
  header[0] = 0x45; // 'E'
  header.writeUInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

describe('guessProtocol', () => {
  it.each([
    ['SSH', 'SSH-2.0-OpenSSH_9.2p1 Debian\r\n'],
    ['SMTP', '220 mail.example.com ESMTP Postfix (Debian/GNU)\r\n'],
    ['SMTP', '220-mx.local Microsoft ESMTP MAIL Service ready\r\n'],
    ['FTP', '220 (vsFTPd 3.0.5)\r\n'],
    ['FTP', '220 ProFTPD Server (Debian) [::ffff:127.0.0.1]\r\n'],
    ['unknown', '220 welcome\r\n'],
    ['POP3', '+OK Dovecot ready.\r\n'],
    ['IMAP', '* OK [CAPABILITY IMAP4rev1 LITERAL+] Dovecot ready.\r\n'],
    ['VNC', 'RFB 003.008\n'],
    ['HTTP', 'HTTP/1.1 400 Bad Request\r\n'],
  ])('a greeting is %s: %j', (expected, greeting) => {
    expect(guessProtocol(ascii(greeting), 'server-first')).toBe(expected);
  });

  it.each([
    "-ERR unknown command 'GET', with args beginning with: '/'\r\n",
    '-NOAUTH Authentication required.\r\n',
    '-DENIED Redis is running in protected mode\r\n',
    '+PONG\r\n',
    '$-1\r\n',
  ])('a RESP answer to our request is Redis: %j', (reply) => {
    expect(guessProtocol(ascii(reply), 'reply')).toBe('Redis');
  });

  it('tells POP3 (speaks first with +OK) from Redis (only ever answers)', () => {
    expect(guessProtocol(ascii('+OK ready\r\n'), 'server-first')).toBe('POP3');
    expect(guessProtocol(ascii('+OK\r\n'), 'reply')).toBe('Redis');
  });

  it('recognizes the MySQL initial handshake and a MariaDB host refusal', () => {
    expect(guessProtocol(mysqlHandshake, 'server-first')).toBe('MySQL');
    expect(guessProtocol(mariadbRefusal, 'server-first')).toBe('MySQL');
  });

  it('recognizes a PostgreSQL ErrorResponse', () => {
    const error = postgresError('SFATAL\0VFATAL\0C0A000\0Munsupported frontend protocol\0\0');
    expect(guessProtocol(error, 'reply')).toBe('PostgreSQL');
  });

  it('recognizes TLS alert and handshake records', () => {
    expect(guessProtocol(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46]), 'reply')).toBe('TLS');
    expect(isTlsRecord(Buffer.from([0x16, 0x03, 0x01]))).toBe(true);
    expect(isTlsRecord(ascii('HTTP/1.1'))).toBe(false);
  });

  it('says unknown rather than guessing wrong', () => {
    expect(guessProtocol(Buffer.from([0x00, 0x01, 0x02, 0x03]), 'reply')).toBe('unknown');
    expect(guessProtocol(Buffer.alloc(0), 'reply')).toBe('unknown');
  });
});

describe('greetingComplete', () => {
  it('waits for the end of a line or of a binary packet', () => {
    expect(greetingComplete(ascii('SSH-2.0-Open'))).toBe(false);
    expect(greetingComplete(ascii('SSH-2.0-OpenSSH\r\n'))).toBe(true);
    expect(greetingComplete(mysqlHandshake.subarray(0, 10))).toBe(false);
    expect(greetingComplete(mysqlHandshake)).toBe(true);
    expect(greetingComplete(Buffer.alloc(0))).toBe(false);
    expect(greetingComplete(Buffer.alloc(600, 0x41))).toBe(true);
  });
});

describe('startsLikeHttp', () => {
  it('accepts a status line split across packets', () => {
    expect(startsLikeHttp(ascii('HT'))).toBe(true);
    expect(startsLikeHttp(ascii('HTTP/1.1 200'))).toBe(true);
    expect(startsLikeHttp(ascii('-ERR'))).toBe(false);
  });
});

describe('printableBanner', () => {
  it('escapes control and binary bytes and caps the length', () => {
    expect(printableBanner(ascii('SSH-2.0-x\r\n'))).toBe('SSH-2.0-x\\r\\n');
    expect(printableBanner(Buffer.from([0x00, 0x41, 0xff, 0x5c]))).toBe('\\x00A\\xff\\\\');
    const long = printableBanner(Buffer.alloc(500, 0x61));
    expect(long).toHaveLength(201);
    expect(long.endsWith('…')).toBe(true);
  });
});
