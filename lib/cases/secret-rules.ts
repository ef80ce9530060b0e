/**
 * Where secrets sit in text a machine produced: command lines and their words, URLs, well-known key formats.
 * Pure: a string (or a list of words) in, spans out. lib/cases/redact.ts decides what to do with them.
 */

export type SecretKind =
  | 'password'
  | 'secret-argument'
  | 'env-secret'
  | 'url-password'
  | 'query-secret'
  | 'bearer-token'
  | 'aws-key'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'stripe-key'
  | 'google-api-key'
  | 'npm-token'
  | 'openai-key'
  | 'jwt'
  | 'private-key';

export interface Span {
  start: number;
  end: number;
  kind: SecretKind;
}

/** An option or variable name that says its value is a secret: --password, --api-key, REDIS_TOKEN, requirepass. */
const SECRET_NAME = /pass|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credential|auth/i;
const ENV_SECRET_NAME = /PASS|SECRET|TOKEN|KEY|AUTH|CREDENTIAL/;

/**
 * Short options that mean "password" only for some programs: `mysql -pSECRET` (attached; `mysql -p db`
 * prompts and names a database), `redis-cli -a SECRET`, `sshpass -p SECRET`, `mongosh -p SECRET`.
 */
const ATTACHED_PASSWORD: Record<string, string> = {
  mysql: '-p',
  mysqldump: '-p',
  mysqladmin: '-p',
  mysqlsh: '-p',
  mariadb: '-p',
  'mariadb-dump': '-p',
  'mariadb-admin': '-p',
  'redis-cli': '-a',
  'valkey-cli': '-a',
};
const SEPARATE_PASSWORD: Record<string, string> = {
  'redis-cli': '-a',
  'valkey-cli': '-a',
  sshpass: '-p',
  mongo: '-p',
  mongosh: '-p',
  mongodump: '-p',
};

/**
 * Formats that are secrets wherever they appear; the group, when there is one, is the secret part. Each is
 * global with indices (`dg`), compiled once: matchAll copies it per string, so no state leaks between calls.
 */
const PATTERNS: readonly { kind: SecretKind; re: RegExp }[] = [
  {
    kind: 'private-key',
    re: /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/dg,
  },
  { kind: 'url-password', re: /[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:'"]*:([^\s/?#@'"]+)@/dgi },
  {
    kind: 'query-secret',
    re: /[?&;][^\s=&#?;'"]*(?:token|secret|key|pass|pwd|auth|sig|credential)[^\s=&#?;'"]*=([^\s&#;'"]+)/dgi,
  },
  { kind: 'bearer-token', re: /\b(?:Bearer|Basic|Token)\s+([A-Za-z0-9._~+/-]{8,}=*)/dg },
  { kind: 'aws-key', re: /(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}/dg },
  { kind: 'github-token', re: /(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/dg },
  { kind: 'gitlab-token', re: /glpat-[A-Za-z0-9_-]{20,}/dg },
  { kind: 'slack-token', re: /xox[abposr]-[A-Za-z0-9-]{10,}|hooks\.slack\.com\/services\/[A-Za-z0-9/]+/dg },
  { kind: 'stripe-key', re: /(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9]{10,}/dg },
  { kind: 'google-api-key', re: /AIza[0-9A-Za-z_-]{35}/dg },
  { kind: 'npm-token', re: /npm_[A-Za-z0-9]{36}/dg },
  { kind: 'openai-key', re: /sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/dg },
  { kind: 'jwt', re: /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/dg },
];

interface Word {
  text: string;
  start: number;
}

const QUOTES = /^['"]+|['",;)]+$/g;

/** A word without the quotes a shell or a fix command put around it, and where that inner text starts. */
function unquoted(word: Word): Word {
  const lead = word.text.match(/^['"]*/)![0].length;
  const inner = word.text.replace(QUOTES, '');
  return { text: inner, start: word.start + lead };
}

const baseName = (word: string) => word.replace(/^.*[\\/]/, '').replace(/\.exe$/i, '');

/** Spans of secret values in a list of words (argv, or a command line split on spaces). */
export function wordSpans(rawWords: readonly Word[]): { index: number; span: Span }[] {
  const words = rawWords.map(unquoted);
  const programs = new Set(words.map((w) => baseName(w.text)));
  const attached = [...programs].map((p) => ATTACHED_PASSWORD[p]).filter(Boolean) as string[];
  const separate = [...programs].map((p) => SEPARATE_PASSWORD[p]).filter(Boolean) as string[];
  const found: { index: number; span: Span }[] = [];
  const whole = (index: number, kind: SecretKind, from = 0) => {
    const w = words[index]!;
    if (w.text.length > from)
      found.push({ index, span: { start: w.start + from, end: w.start + w.text.length, kind } });
  };
  words.forEach((w, i) => {
    const next = words[i + 1];
    const option = w.text.match(/^--?([A-Za-z][\w.-]*)(=?)/);
    if (option) {
      const [all, name, eq] = option;
      // The program's own short option first: `mysql -ppassword` is a password, not an option named "ppassword".
      if (attached.some((flag) => w.text.startsWith(flag) && w.text.length > flag.length))
        whole(i, 'password', 2);
      else if (separate.includes(w.text) && next) whole(i + 1, 'password');
      else if (eq && SECRET_NAME.test(name!)) whole(i, 'secret-argument', all.length);
      else if (
        !eq &&
        all.length === w.text.length &&
        SECRET_NAME.test(name!) &&
        next &&
        !next.text.startsWith('--')
      )
        whole(i + 1, 'secret-argument');
      else if (w.text === '-u' || w.text === '--user') {
        const colon = next?.text.indexOf(':') ?? -1;
        if (next && colon > 0) whole(i + 1, 'password', colon + 1);
      }
      return;
    }
    const env = w.text.match(/^([A-Za-z_][A-Za-z0-9_]*)=/);
    if (env && ENV_SECRET_NAME.test(env[1]!.toUpperCase())) whole(i, 'env-secret', env[0].length);
  });
  return found;
}

/** Every secret span in one string: its words read as a command line, then the formats above. */
export function secretSpans(text: string): Span[] {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index }));
  const spans = wordSpans(words).map((f) => f.span);
  for (const { kind, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const [start, end] =
        m.indices?.[1] && kind !== 'private-key' ? m.indices[1] : [m.index, m.index + m[0].length];
      if (end > start) spans.push({ start, end, kind });
    }
  }
  return spans;
}
