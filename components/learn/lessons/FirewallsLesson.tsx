import { shellFix } from '@/lib/diagnosis/fix';
import { cmd, join } from '@/lib/shell/script';
import type { Fix } from '@/lib/diagnosis/types';
import type { LearnValues } from '@/lib/learn/live-values';
import { CommandList } from '@/components/ui/CommandList';
import { C, Lesson } from '../Lesson';
import { PortNow } from '../live';
import { TryLabs } from '@/components/labs/TryLabs';

const LIST_RULES: Fix[] = [
  shellFix(
    'linux',
    'All rules (nftables, which iptables and ufw also use today)',
    cmd('sudo', 'nft', 'list', 'ruleset'),
  ),
  shellFix('linux', 'ufw’s view, if you use ufw', cmd('sudo', 'ufw', 'status', 'verbose')),
  shellFix('linux', 'Legacy iptables rules', cmd('sudo', 'iptables', '-S')),
  shellFix('darwin', 'Packet filter rules', cmd('sudo', 'pfctl', '-sr')),
  shellFix(
    'darwin',
    'Application firewall state',
    cmd('/usr/libexec/ApplicationFirewall/socketfilterfw', '--getglobalstate'),
  ),
  shellFix('win32', 'Firewall state per profile', cmd('netsh', 'advfirewall', 'show', 'allprofiles')),
  shellFix(
    'win32',
    'Enabled inbound block rules (PowerShell)',
    join(
      '|',
      cmd('Get-NetFirewallRule', '-Enabled', 'True', '-Direction', 'Inbound', '-Action', 'Block'),
      cmd('Format-Table', 'DisplayName,Profile'),
    ),
  ),
];

export function FirewallsLesson({ values }: { values: LearnValues }) {
  return (
    <Lesson
      slug="firewalls"
      tryTarget={`127.0.0.1:${values.port}`}
      live={
        <>
          <PortNow values={values} />
          <p>
            If something listens there and a connection still times out or is refused, a firewall rule is a
            likely cause; if nothing listens, a refusal is simply the OS saying so.
          </p>
        </>
      }
    >
      <p>
        A <strong>firewall</strong> decides which packets get through. It shows up in one of two ways: a rule
        that <em>drops</em> packets makes a connection hang until it <C>times out</C>; a rule that{' '}
        <em>rejects</em> answers at once, which looks exactly like <C>connection refused</C> — although
        something does listen.
      </p>
      <p>
        Desktop firewalls rarely filter loopback, so a local address that times out is unusual: look for a
        rule on the loopback interface (<C>lo</C>) or on the port. Connections from other machines are another
        story — that is what firewalls are for.
      </p>
      <CommandList fixes={LIST_RULES} />
      <TryLabs lesson="firewalls" />
    </Lesson>
  );
}
