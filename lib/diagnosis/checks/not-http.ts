import type { Check, Fix } from '@/lib/diagnosis/types';
import { application, hostPort, urlHost } from '@/lib/diagnosis/view';
import { quoteOutside } from '@/lib/text/outside';

const CLIENTS: Record<string, (host: string, port: number) => Fix> = {
  SSH: (h, p) => ({
    platform: 'any',
    label: 'Connect with an SSH client',
    command: `ssh -p ${p} ${h.replace(/^\[|\]$/g, '')}`,
  }),
  Redis: (h, p) => ({
    platform: 'any',
    label: 'Talk to it with redis-cli',
    command: `redis-cli -h ${h.replace(/^\[|\]$/g, '')} -p ${p} ping`,
  }),
  MySQL: (h, p) => ({
    platform: 'any',
    label: 'Connect with the MySQL client',
    command: `mysql -h ${h.replace(/^\[|\]$/g, '')} -P ${p} -u root -p`,
  }),
  PostgreSQL: (h, p) => ({
    platform: 'any',
    label: 'Connect with psql',
    command: `psql -h ${h.replace(/^\[|\]$/g, '')} -p ${p}`,
  }),
};

/** Something answered, but not HTTP: it is another kind of server (SSH, a database, a mail server…). */
export const notHttp: Check = (facts) => {
  const app = application(facts);
  if (!app || app.kind !== 'banner') return [];
  const protocol = app.protocol && app.protocol !== 'unknown' ? app.protocol : null;
  const client = protocol ? CLIENTS[protocol]?.(urlHost(facts), facts.target.port) : undefined;
  return [
    {
      id: 'not-http',
      severity: 'warning',
      step: 'open',
      title: protocol
        ? `${facts.target.display} is a ${protocol} server, not a web page`
        : `${facts.target.display} answers, but not in HTTP`,
      detail:
        `${hostPort(app.address, app.port)} answered ${app.banner ? quoteOutside(app.banner) : 'in a protocol that is not HTTP'}` +
        `${protocol ? ` \u2014 that is ${protocol}` : ''}. A browser cannot show it; use a ${protocol ?? 'matching'} client, or check that your web app is not on another port.`,
      fixes: client ? [client] : [],
      lesson: 'http',
    },
  ];
};
