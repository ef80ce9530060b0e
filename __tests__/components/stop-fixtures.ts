/**
 * intent=start diagnoses of 127.0.0.1:3000 for the stop-the-holder tests, computed by the engine itself
 * (runChecks on facts) so the findings read exactly as the API would send them.
 */
import { runChecks } from '@/lib/diagnosis/run-checks';
import type { Diagnosis, Facts, Finding } from '@/lib/diagnosis/types';
import type { Listener } from '@/lib/host/listeners/types';
import { aliceFacts, aliceListener, httpOkScenario } from '../fixtures/diagnoses';

export const HOLDER_COMMAND =
  'node /home/alice/shop/node_modules/.bin/next start --port 3000 --hostname 127.0.0.1 --keepAliveTimeout 70000';
export const HOLDER_STARTED = '2025-11-26T09:57:00.000Z';

export function holder(over: Partial<Listener> = {}): Listener {
  return aliceListener({ command: HOLDER_COMMAND, startedAt: HOLDER_STARTED, ...over });
}

/** docker-proxy publishing a container's port 3000: the engine offers no stop for it (the container would keep running). */
export function dockerProxy(over: Partial<Listener> = {}): Listener {
  return aliceListener({
    pid: 777,
    process: 'docker-proxy',
    command:
      '/usr/bin/docker-proxy -proto tcp -host-ip 127.0.0.1 -host-port 3000 -container-ip 172.17.0.2 -container-port 3000',
    user: 'root',
    uid: 0,
    startedAt: '2025-11-26T08:00:00.000Z',
    ...over,
  });
}

/** 127.0.0.1:3000 with intent=start: held (answering as in httpOkScenario) or, without listeners, free. */
function facts(listeners: Listener[], platform: Facts['platform']): Facts {
  const held = listeners.length > 0;
  return aliceFacts(
    {
      ...(held ? httpOkScenario() : {}),
      target: '127.0.0.1:3000',
      addresses: [{ address: '127.0.0.1', family: 'IPv4' }],
      intent: 'start',
      listeners,
      ...(held ? { freePort: 3001 } : {}),
    },
    { platform },
  );
}

/** node (pid 4242, user alice) holds 127.0.0.1:3000 and the user wants to start a service there. */
export function portTakenDiagnosis(
  platform: Facts['platform'] = 'linux',
  listeners = [holder()],
  over: Partial<Facts> = {},
): Diagnosis {
  return runChecks({ ...facts(listeners, platform), ...over });
}

/** The engine's port-taken finding of a diagnosis (throws when the engine did not report one). */
export function portTakenFinding(d: Diagnosis): Finding {
  const f = d.findings.find((x) => x.id === 'port-taken');
  if (!f) throw new Error('the engine reported no port-taken finding');
  return f;
}

/** The same port once the holder is gone. */
export function portFreeDiagnosis(platform: Facts['platform'] = 'linux'): Diagnosis {
  return runChecks(facts([], platform));
}
