import { hostPort } from '@/lib/net';
import { posixCommand } from '@/lib/shell/script';
import type { Lab, LabSituation } from '../types';
import type { LabKit } from '../kit';

/** The nft table the lab adds inside its own namespace; the fix deletes it. */
const TABLE = 'ld_lab';

/** A service inside the lab's namespace with one nft rule in front of it: `drop` or `reject`. */
async function blockedService(kit: LabKit, verdict: 'drop' | 'reject'): Promise<LabSituation> {
  const ns = await kit.createNamespace();
  const port = await kit.pickPort();
  const { process: service } = await kit.startService({ host: '127.0.0.1', port });
  const rule = verdict === 'drop' ? ['drop'] : ['reject', 'with', 'tcp', 'reset'];
  for (const args of [
    ['add', 'table', 'inet', TABLE],
    ['add', 'chain', 'inet', TABLE, 'input', '{ type filter hook input priority 0 ; }'],
    ['add', 'rule', 'inet', TABLE, 'input', 'tcp', 'dport', String(port), ...rule],
  ]) {
    const r = await kit.inNamespace('nft', args);
    if (r.code !== 0) throw new Error(`nft ${args.join(' ')}: ${(r.error ?? r.stderr).trim()}`);
  }
  const address = hostPort('127.0.0.1', port);
  const ruleText = `tcp dport ${port} ${rule.join(' ')}`;
  const inNs = (...argv: string[]) => posixCommand(['sudo', 'ip', 'netns', 'exec', ns, ...argv]);
  const symptom =
    verdict === 'drop'
      ? 'the connect times out: the packets vanish, nothing answers, not even a refusal'
      : 'the connect is refused at once, although a listener is there';
  return {
    target: address,
    intent: 'reach',
    port,
    hints: [
      `The service (pid ${service.pid}) listens on ${address} in the lab's network namespace ${ns} — and still ${symptom}.`,
      `List the firewall rules there: \`${inNs('nft', 'list', 'ruleset')}\`.`,
      `The rule \`${ruleText}\` in table inet ${TABLE} matches every connection to port ${port}.`,
    ],
    explanation:
      `pid ${service.pid} listens on ${address}, but the rule "${ruleText}" (table inet ${TABLE}, chain input, in namespace ${ns}) ` +
      (verdict === 'drop'
        ? 'drops every packet to the port, so the client waits until it times out.'
        : 'answers every connection to the port with a reset, so the client sees "connection refused" as if nothing listened.') +
      ' The listener is fine; the firewall is in the way.',
    fix: [
      {
        label: 'Remove the rule (delete the lab’s table)',
        command: inNs('nft', 'delete', 'table', 'inet', TABLE),
      },
    ],
  };
}

export const firewallDrop: Lab = {
  id: 'firewall-drop',
  title: 'A firewall that drops',
  story: 'The service is up and listening, yet every request hangs until it times out.',
  brief: 'Listening, but the packets never arrive (a drop rule).',
  teaches: 'firewall-blocks',
  distractors: ['no-response', 'no-listener', 'bound-elsewhere', 'family-mismatch'],
  needsRoot: true,
  setup: (kit) => blockedService(kit, 'drop'),
};

export const firewallReject: Lab = {
  id: 'firewall-reject',
  title: 'A firewall that rejects',
  story: 'The service is listening — you can see it — and every connection is refused immediately.',
  brief: 'Refused although a listener is there (a reject rule).',
  teaches: 'firewall-blocks',
  distractors: ['no-listener', 'bound-elsewhere', 'family-mismatch', 'port-taken'],
  needsRoot: true,
  setup: (kit) => blockedService(kit, 'reject'),
};
