import { defineCheck } from '@/lib/diagnosis/check';
import { everywhereFixes } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';
import { application, listenerServes, listAnd, targetUrl, tcpListeners } from '@/lib/diagnosis/view';
import {
  proxyBehind,
  type ConfiguredProxy,
  type ProxyName,
  type ProxyUpstream,
} from '@/lib/diagnosis/check-helpers/proxy-upstream';
import type { Facts, Fix } from '@/lib/diagnosis/types';
import { hostPort } from '@/lib/net';
import { quoteOutside } from '@/lib/text/outside';

const UPSTREAM_MEANING: Readonly<Record<number, string>> = {
  502: 'its upstream refused or reset the connection, or sent an answer the proxy could not read',
  503: 'it has no upstream available to send the request to (every one marked down, or a maintenance or overload answer)',
  504: 'its upstream accepted the request but did not answer in time',
};

/** The directive each proxy names its upstreams with, as its config spells it. */
const DIRECTIVE: Readonly<Record<ConfiguredProxy, string>> = {
  nginx: 'proxy_pass',
  Caddy: 'reverse_proxy',
  Apache: 'ProxyPass',
};

/** Who listens where the proxy forwards: `localhost` counts as either loopback address. */
function upstreamListeners(up: ProxyUpstream) {
  const hosts = up.host === 'localhost' ? ['127.0.0.1', '::1'] : [up.host];
  return up.listeners.filter((l) => hosts.some((h) => listenerServes(l, h)));
}

function describeUpstreams(proxy: ProxyName, facts: Facts): { text: string; fixes: Fix[] } {
  const fact = facts.proxyConfig;
  if (!fact) return { text: '', fixes: [] };
  if (fact.status !== 'ok')
    return {
      text: ` Its config could not be read (${fact.error}), so the upstream is not named here.`,
      fixes: [],
    };
  const { config, upstreams } = fact.value;
  const directive = DIRECTIVE[fact.value.proxy];
  const where = `${config.path}${config.from === 'default' ? ', the default' : ', named on its command line'}`;
  if (upstreams.length === 0)
    return {
      text: ` Its config (${where}) names no ${directive} address the doctor can look up.`,
      fixes: [],
    };
  const sentences = upstreams.map((up) => {
    const at = hostPort(up.host, up.port);
    const held = upstreamListeners(up);
    if (held.length === 0)
      return `${proxy} forwards to ${at}, where nothing listens — start the app behind it.`;
    const who = listAnd([...new Set(held.map((l) => l.process ?? 'a process'))]);
    return `${proxy} forwards to ${at}, where ${who} listens — so it is up: its own log says why it failed or was slow.`;
  });
  const fixes = upstreams.flatMap((up) =>
    everywhereFixes(
      `Diagnose the upstream ${hostPort(up.host, up.port)}`,
      cmd('npm', 'run', 'doctor', '--', hostPort(up.host, up.port)),
    ),
  );
  return { text: ` ${sentences.join(' ')} (from ${directive} in ${where})`, fixes };
}

/** The server is up and speaks HTTP, but answered 4xx (warning: wrong path or method) or 5xx (error: it failed). */
export const httpError = defineCheck({ 'http-error': 210 }, (facts) => {
  const app = application(facts);
  const http = app?.http;
  if (!app || !http || (app.kind !== 'http' && app.kind !== 'https') || http.status < 400) return [];
  const serverSide = http.status >= 500;
  const url = targetUrl(facts, app.kind === 'https' ? 'https' : 'http');
  const proxy = UPSTREAM_MEANING[http.status] ? proxyBehind(http.server, tcpListeners(facts) ?? []) : null;
  const upstream = proxy ? describeUpstreams(proxy, facts) : { text: '', fixes: [] };
  const meaning = proxy
    ? `${proxy} itself is running and answered, but the program behind it failed: ${UPSTREAM_MEANING[http.status]}.${upstream.text}`
    : serverSide
      ? 'The server is running and reachable, but failed while handling the request: the cause is in its own log or terminal (an exception, a missing database, a bad config).'
      : http.status === 404
        ? `The server is running and reachable, but has nothing at ${facts.target.path}. Try another path (the app may live under /api, /docs or /index.html).`
        : 'The server is running and reachable, but refused this request (authentication, method or path).';
  const page = http.title ? ` — its page says ${quoteOutside(http.title)}` : '';
  return [
    {
      id: 'http-error',
      severity: serverSide ? 'error' : 'warning',
      step: 'open',
      title: `${facts.target.display} answers HTTP ${http.status} ${quoteOutside(http.reason)}`,
      detail: `${hostPort(app.address, app.port)} answered ${http.status} ${quoteOutside(http.reason)}${http.server ? ` (server ${quoteOutside(http.server)})` : ''} in ${Math.round(http.ttfbMs)} ms${page}. ${meaning}`,
      fixes: [
        ...upstream.fixes,
        ...everywhereFixes('See the full answer, headers included', cmd('curl', '-v', url)),
      ],
      lesson: 'http',
    },
  ];
});
