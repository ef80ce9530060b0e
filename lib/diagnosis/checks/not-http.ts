import { defineCheck } from '@/lib/diagnosis/check';
import { everywhereFixes } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';
import type { Fix } from '@/lib/diagnosis/types';
import { application } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';
import { quoteOutside } from '@/lib/text/outside';

/** Clients per protocol; `h` is the bare host (an IPv6 address without brackets). */
const CLIENTS: Record<string, (h: string, p: string) => Fix[]> = {
  SSH: (h, p) => everywhereFixes('Connect with an SSH client', cmd('ssh', '-p', p, h)),
  Redis: (h, p) => everywhereFixes('Talk to it with redis-cli', cmd('redis-cli', '-h', h, '-p', p, 'ping')),
  MySQL: (h, p) =>
    everywhereFixes('Connect with the MySQL client', cmd('mysql', '-h', h, '-P', p, '-u', 'root', '-p')),
  PostgreSQL: (h, p) => everywhereFixes('Connect with psql', cmd('psql', '-h', h, '-p', p)),
};

/** The wire protocol each recognised server speaks, as a person would name it. */
const SPEAKS: Record<string, string> = {
  Redis: 'RESP',
  PostgreSQL: 'the PostgreSQL wire protocol',
  MySQL: 'the MySQL protocol',
};

/**
 * Something answered, but not HTTP: it is another kind of server (SSH, a database, a mail server…). A
 * server we recognised is healthy, only not a web page, so that is a result ('ok'), not a problem; an
 * answer we cannot place stays a warning.
 */
/** "an SSH server", "a Redis server": the article follows how the name is read aloud (SSH is "ess-ess-aitch"). */
const SPOKEN_WITH_AN = new Set(['SSH', 'SMTP', 'FTP', 'IMAP', 'LDAP', 'MQTT', 'NNTP', 'RTSP', 'SFTP']);
const withArticle = (protocol: string) => `${SPOKEN_WITH_AN.has(protocol) ? 'an' : 'a'} ${protocol}`;

export const notHttp = defineCheck({ 'not-http': 220 }, (facts) => {
  const app = application(facts);
  if (!app || app.kind !== 'banner') return [];
  const protocol = app.protocol && app.protocol !== 'unknown' ? app.protocol : null;
  const client = protocol ? CLIENTS[protocol]?.(facts.target.host, String(facts.target.port)) : undefined;
  const answered = `${hostPort(app.address, app.port)} answered ${app.banner ? quoteOutside(app.banner) : 'in a protocol that is not HTTP'}`;
  return [
    {
      id: 'not-http',
      severity: protocol ? 'ok' : 'warning',
      step: 'open',
      title: protocol
        ? `${facts.target.display} is ${withArticle(protocol)} server, not a web page`
        : `${facts.target.display} answers, but not in HTTP`,
      detail: protocol
        ? `This is ${protocol}: it speaks ${SPEAKS[protocol] ?? protocol}, not HTTP (${answered}). ` +
          `A browser cannot show it; use ${client ? 'its client' : `${withArticle(protocol)} client`}, or check that your web app is not on another port.`
        : `${answered}. A browser cannot show it; use a matching client, or check that your web app is not on another port.`,
      fixes: client ?? [],
      lesson: 'http',
    },
  ];
});
