import { isLoopbackAddress, isLoopbackName } from '@/lib/net';

export type BindHostCheck = { ok: true; host: string } | { ok: false; message: string };

/**
 * Where the app may listen. Loopback by default; anything else exposes a tool that lists processes and
 * opens connections to the network, so it needs ACCESS_TOKEN (every request must then carry it).
 */
export function checkBindHost(env: NodeJS.ProcessEnv): BindHostCheck {
  const host = (env.HOST ?? '127.0.0.1').trim() || '127.0.0.1';
  if (isLoopbackAddress(host) || host === 'localhost')
    return { ok: true, host: host === 'localhost' ? '127.0.0.1' : host };
  if (isLoopbackName(host)) return { ok: true, host: '127.0.0.1' };
  if (env.ACCESS_TOKEN && env.ACCESS_TOKEN.length >= 16) return { ok: true, host };
  return {
    ok: false,
    message:
      `Refusing to listen on HOST=${host}: Localhost Doctor lists your processes and opens connections for whoever ` +
      `reaches it, so it only listens on loopback (127.0.0.1) by default. To expose it anyway, also set ` +
      `ACCESS_TOKEN to a secret of at least 16 characters; every request must then send it (see README).`,
  };
}
