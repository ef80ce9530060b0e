import 'server-only';
import type { WindowsRuleFields } from '@/lib/host/firewall/windows';

/** Every rule in both directions; `verbose` adds the Program and Service lines a program rule depends on. */
export const NETSH_ARGS = ['advfirewall', 'firewall', 'show', 'rule', 'name=all', 'verbose'];

/**
 * Parses `netsh advfirewall firewall show rule name=all verbose`: blocks of "Key:   value" lines, each
 * starting at "Rule Name:". netsh prints these keys in the system language; this reads the English ones,
 * and the PowerShell reader (locale-independent JSON) is tried first for that reason.
 */
export function parseNetshRules(text: string): WindowsRuleFields[] {
  const blocks: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (const line of text.split(/\r?\n/)) {
    const kv = line.match(/^([A-Za-z][A-Za-z ]*?):\s*(.*?)\s*$/);
    if (!kv) continue;
    const [, key, value] = kv;
    if (key === 'Rule Name') {
      current = new Map();
      blocks.push(current);
    }
    current?.set(key!, value!);
  }
  return blocks.map((b) => {
    const get = (k: string) => b.get(k) ?? '';
    const action = get('Action');
    return {
      id: null,
      name: get('Rule Name'),
      enabled: /^yes$/i.test(get('Enabled')),
      direction: /^out$/i.test(get('Direction')) ? 'Out' : 'In',
      action: action === 'Block' ? 'Block' : action === 'Bypass' ? 'Bypass' : 'Allow',
      protocol: get('Protocol') || 'Any',
      localPort: get('LocalPort') || 'Any',
      remotePort: get('RemotePort') || 'Any',
      localIp: get('LocalIP') || 'Any',
      remoteIp: get('RemoteIP') || 'Any',
      program: b.get('Program') ?? null,
      service: b.get('Service') ?? null,
      profiles: get('Profiles'),
      via: 'netsh',
    };
  });
}
