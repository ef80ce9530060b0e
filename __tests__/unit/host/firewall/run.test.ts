import { complaint, isPermissionError, unanswered } from '@/lib/host/firewall/run';
import type { CommandResult } from '@/lib/exec';
import { fwFixture } from './fixture';

const result = (stderr: string, code = 1): CommandResult => ({
  command: 'nft',
  args: [],
  stdout: '',
  stderr,
  code,
  timedOut: false,
  truncated: false,
  durationMs: 3,
});

describe('telling "not allowed" from "failed"', () => {
  test.each([
    [
      'nft',
      'Operation not permitted (you must be root)\nnetlink: Error: cache initialization failed: Operation not permitted',
    ],
    [
      'iptables-save',
      'iptables-save v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)',
    ],
    ['iptables-legacy-save', 'Failed to list table names in /proc/net/ip_tables_names: Permission denied'],
    ['ufw', 'ERROR: You need to be root to run this script'],
    [
      'firewall-cmd',
      'Authorization failed.\n    Make sure polkit agent is running or run the application as superuser.',
    ],
    ['pfctl', fwFixture('pfctl-denied.txt')],
    ['netsh', 'The requested operation requires elevation (Run as administrator).'],
  ])('%s', (_, text) => {
    expect(isPermissionError(text)).toBe(true);
  });

  test('other failures are not permission errors', () => {
    expect(isPermissionError('Error: Could not process rule: No such file or directory')).toBe(false);
  });

  test('the sentence quotes the line that says why', () => {
    expect(complaint(result('netlink: warning\nOperation not permitted (you must be root)'))).toBe(
      'Operation not permitted (you must be root)',
    );
  });

  test('a denied tool gets the exact sudo command, unless the doctor already runs as root', () => {
    const uid = jest.spyOn(process, 'getuid').mockReturnValue(1000);
    const denied = unanswered('linux', 'nft', {
      display: 'nft -j list ruleset',
      argv: ['nft', '-j', 'list', 'ruleset'],
      result: result('Operation not permitted (you must be root)'),
    });
    expect(denied).toMatchObject({
      status: 'denied',
      sudo: ['sudo', 'nft', '-j', 'list', 'ruleset'],
      rules: 0,
    });
    uid.mockReturnValue(0);
    const asRoot = unanswered('linux', 'nft', {
      display: 'nft -j list ruleset',
      argv: ['nft', '-j', 'list', 'ruleset'],
      result: result('Operation not permitted'),
    });
    expect(asRoot.sudo).toBeNull();
    expect(asRoot.detail).toContain('even as root');
    uid.mockRestore();
  });

  test('a tool that says it is not running is inactive, not failed', () => {
    const answer = {
      display: 'firewall-cmd --list-all-zones',
      argv: ['firewall-cmd', '--list-all-zones'],
      result: result('FirewallD is not running', 252),
    };
    expect(unanswered('linux', 'firewalld', answer, true).status).toBe('inactive');
  });
});
