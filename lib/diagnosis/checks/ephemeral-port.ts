import { defineCheck } from '@/lib/diagnosis/check';
import { shellFix } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';

/** The port lies in the range the OS uses for outgoing connections: it may be a random pick, or get taken at random. */
export const ephemeralPort = defineCheck({ 'ephemeral-port': 310 }, (facts) => {
  if (facts.port.status !== 'ok' || !facts.port.value.inEphemeralRange) return [];
  const { ephemeral } = facts.port.value;
  const port = facts.target.port;
  const starting = facts.intent === 'start';
  return [
    {
      id: 'ephemeral-port',
      severity: starting ? 'warning' : 'info',
      step: 'fix',
      title: `Port ${port} is inside this machine's ephemeral range (${ephemeral.low}\u2013${ephemeral.high})`,
      detail:
        `The OS picks source ports for outgoing connections from ${ephemeral.low}\u2013${ephemeral.high} (${ephemeral.source}). ` +
        `A port in this range is often one a server got by asking for "any free port" (port 0), so it changes on every restart; ` +
        `and a server that wants it can find it taken for a moment by an outgoing connection. Pick a fixed port outside the range for anything you restart often.`,
      fixes: [
        shellFix('linux', 'See the range', cmd('cat', '/proc/sys/net/ipv4/ip_local_port_range')),
        shellFix(
          'darwin',
          'See the range',
          cmd('sysctl', 'net.inet.ip.portrange.first', 'net.inet.ip.portrange.last'),
        ),
        shellFix('win32', 'See the range', cmd('netsh', 'int', 'ipv4', 'show', 'dynamicport', 'tcp')),
      ],
      lesson: 'port-ranges',
    },
  ];
});
