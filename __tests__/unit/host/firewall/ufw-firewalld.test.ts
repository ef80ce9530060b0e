import { posixCommand } from '@/lib/shell/script';
import { firewalldRules, parseFirewalldZones } from '@/lib/host/firewall/firewalld';
import { parseUfwStatus } from '@/lib/host/firewall/ufw';
import { fwFixture } from './fixture';

describe('ufw status verbose', () => {
  const status = () => parseUfwStatus(fwFixture('ufw-status-verbose.txt'));
  const rule = (text: string) => status().rules.find((r) => r.text.startsWith(text))!;

  test('reads status, defaults, and every IN/OUT rule (route rules are not for local traffic)', () => {
    expect(status().active).toBe(true);
    expect(status().defaults).toBe('deny (incoming), allow (outgoing), disabled (routed)');
    expect(status().rules).toHaveLength(15);
    expect(status().rules.some((r) => r.text.includes('FWD'))).toBe(false);
    expect(parseUfwStatus(fwFixture('ufw-status-inactive.txt'))).toEqual({
      active: false,
      defaults: null,
      rules: [],
    });
  });

  test('a simple port rule: its ports, verdict and the ufw command that deletes it', () => {
    const r = rule('5000/tcp  DENY IN');
    expect(r.match.dports).toEqual({ ranges: [{ low: 5000, high: 5000 }], negated: false });
    expect(r.match.protocol).toBe('tcp');
    expect(r.action).toEqual({ kind: 'drop' });
    expect(posixCommand(r.remove!)).toBe('ufw delete deny 5000/tcp');
    expect(r.location).toBe('ufw rule 2 (see: ufw status numbered)');
  });

  test('ranges, sources, interfaces, addresses and directions use the long form to delete', () => {
    expect(rule('8000:8010/tcp  REJECT IN').match.dports?.ranges).toEqual([{ low: 8000, high: 8010 }]);
    expect(rule('8000:8010/tcp  REJECT IN').action).toEqual({ kind: 'reject', with: null });
    expect(posixCommand(rule('3000  DENY IN  127.0.0.1').remove!)).toBe(
      'ufw delete deny in from 127.0.0.1 to any port 3000',
    );
    expect(posixCommand(rule('5432/tcp on lo').remove!)).toBe(
      'ufw delete deny in on lo to any port 5432 proto tcp',
    );
    expect(posixCommand(rule('127.0.0.1 5173/tcp').remove!)).toBe(
      'ufw delete deny in to 127.0.0.1 port 5173 proto tcp',
    );
    expect(rule('9229/tcp  DENY OUT').direction).toBe('output');
    expect(posixCommand(rule('9229/tcp  DENY OUT').remove!)).toBe(
      'ufw delete deny out to any port 9229 proto tcp',
    );
  });

  test('ufw accepts loopback in before.rules, so a user rule never sees it unless it names lo', () => {
    expect(rule('5000/tcp  DENY IN').match.inInterface).toEqual({ names: ['lo'], negated: true });
    const onLo = rule('5432/tcp on lo');
    expect(onLo.match.inInterface).toEqual({ names: ['lo'], negated: false });
    expect(onLo.match.unknown).toEqual(['after the loopback ACCEPT in /etc/ufw/before.rules']);
  });

  test('(v6) twins, application profiles and LIMIT are kept with what makes them uncertain', () => {
    expect(rule('5000/tcp (v6)').family).toBe('ipv6');
    expect(rule('Nginx Full  ALLOW').match.unknown).toEqual(['application profile Nginx Full']);
    expect(posixCommand(rule('Nginx Full  ALLOW').remove!)).toBe("ufw delete allow 'Nginx Full'");
    expect(rule('2222/tcp  LIMIT').match.unknown).toContain('LIMIT (only above 6 connections in 30 s)');
  });
});

describe('firewall-cmd --list-all-zones', () => {
  const zones = () => parseFirewalldZones(fwFixture('firewalld-list-all-zones.txt'));
  const rules = () => firewalldRules(zones());

  test('reads each zone: active, target, interfaces, ports and rich rules', () => {
    const pub = zones().find((z) => z.name === 'public')!;
    expect(pub).toMatchObject({
      active: true,
      target: 'default',
      interfaces: ['eth0'],
      ports: ['8080/tcp', '5000-5010/tcp'],
      services: ['dhcpv6-client', 'ssh'],
    });
    expect(pub.richRules).toHaveLength(4);
    expect(zones().map((z) => z.name)).toEqual(['block', 'drop', 'public', 'trusted', 'dev-loopback']);
  });

  test('a rich reject rule: ports, addresses, reject type and the command that removes it', () => {
    const r = rules().find((x) => x.text.includes('port="9000"'))!;
    expect(r.match.dports?.ranges).toEqual([{ low: 9000, high: 9000 }]);
    expect(r.match.destination).toEqual({ cidrs: ['127.0.0.1'], negated: false });
    expect(r.action).toEqual({ kind: 'reject', with: 'icmp-port-unreachable' });
    expect(r.family).toBe('ipv4');
    expect(posixCommand(r.remove!)).toBe(
      `firewall-cmd --zone=public --remove-rich-rule='rule family="ipv4" destination address="127.0.0.1" port port="9000" protocol="tcp" reject type="icmp-port-unreachable"'`,
    );
    expect(r.location).toBe('firewalld zone public (interfaces eth0)');
  });

  test('inside a zone: denies first, then what it allows, then its target', () => {
    const pub = rules().filter((r) => r.table === 'zone public');
    expect(pub.map((r) => r.action.kind)).toEqual([
      'reject',
      'drop',
      'reject',
      'accept',
      'accept',
      'accept',
      'reject',
    ]);
    expect(pub.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pub[6]!.text).toBe('target: default');
    expect(pub[6]!.match.unknown).toEqual(['services dhcpv6-client ssh']);
    expect(pub[4]!.match.dports?.ranges).toEqual([{ low: 8080, high: 8080 }]);
    expect(rules().filter((r) => r.table === 'zone trusted')).toEqual([]);
  });
});
