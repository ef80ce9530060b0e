import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDarwinFirewall } from '@/lib/host/darwin/firewall';
import type { ToolAnswer, ToolRunner } from '@/lib/host/firewall/run';
import { readLinuxFirewall } from '@/lib/host/linux/firewall';
import { readWin32Firewall } from '@/lib/host/win32/firewall';

// Each OS adapter reads its tools' real output (fixtures) through an injected runner, so the adapter's own
// code decides the platform on every source it produces.
const fx = (name: string) => readFileSync(path.join(__dirname, '../../../fixtures/firewall', name), 'utf8');

function answer(argv: string[], stdout: string, code = 0, stderr = ''): ToolAnswer {
  return {
    display: argv.join(' '),
    argv,
    result: {
      command: argv[0]!,
      args: argv.slice(1),
      code,
      stdout,
      stderr,
      timedOut: false,
      truncated: false,
      durationMs: 1,
    },
  };
}

/** Answers by the first word the adapter asks for; a tool not listed is "not installed". */
function runner(outputs: Record<string, (args: string[]) => ToolAnswer>): ToolRunner {
  return async (name, args) => {
    const short = name.split('/').pop()!;
    return outputs[short]?.(args) ?? null;
  };
}

const denied = (tool: string) => (args: string[]) =>
  answer([tool, ...args], '', 1, `${tool}: Operation not permitted`);

describe('every firewall source carries the platform of the adapter that read it', () => {
  test('macOS: pf and the application firewall (socketfilterfw) are darwin, denied pf asks for sudo', async () => {
    const read = await readDarwinFirewall(
      runner({
        pfctl: (args) =>
          args.includes('info')
            ? answer(['pfctl', ...args], fx('pfctl-info.txt'))
            : args.includes('rules')
              ? answer(['pfctl', ...args], fx('pfctl-rules.txt'))
              : answer(['pfctl', ...args], fx('pfctl-interfaces-skip.txt')),
        socketfilterfw: (args) => answer(['socketfilterfw', ...args], fx('socketfilterfw-enabled.txt')),
      }),
    );
    expect(read.sources.length).toBeGreaterThan(0);
    expect(read.sources.map((s) => [s.tool, s.platform])).toEqual([['pf', 'darwin']]);
    expect(read.notes.join(' ')).toContain('application firewall is on');

    const refused = await readDarwinFirewall(runner({ pfctl: denied('pfctl') }));
    expect(refused.sources).toEqual([
      expect.objectContaining({ tool: 'pf', platform: 'darwin', status: 'denied' }),
    ]);
  });

  test('Linux: nft and ufw sources are linux', async () => {
    const read = await readLinuxFirewall(
      runner({
        nft: (args) =>
          args.includes('-j')
            ? answer(['nft', ...args], fx('nft-ruleset.json'))
            : answer(['nft', ...args], fx('nft-ruleset.txt')),
        ufw: denied('ufw'),
      }),
    );
    expect(read.sources.map((s) => s.tool).sort()).toEqual(['nft', 'ufw']);
    expect(new Set(read.sources.map((s) => s.platform))).toEqual(new Set(['linux']));
  });

  test('Windows: PowerShell and netsh sources are win32, and more rights are asked without sudo', async () => {
    const uid = jest.spyOn(process, 'getuid').mockReturnValue(1000); // as an ordinary user, not root
    const read = await readWin32Firewall(
      runner({
        'powershell.exe': () => answer(['Get-NetFirewallRule'], '', 1, 'Access is denied'),
        netsh: (args) => answer(['netsh', ...args], fx('netsh-show-rule-verbose.txt')),
      }),
    );
    expect(read.sources.map((s) => [s.tool, s.platform])).toEqual([
      ['powershell', 'win32'],
      ['netsh', 'win32'],
    ]);
    expect(read.sources[0]!.sudo).toEqual(['Get-NetFirewallRule']);
    uid.mockRestore();
  });
});
