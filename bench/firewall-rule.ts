// A rule added just before a diagnosis, to prove the firewall facts are read afresh. Only as root with nft:
// one table of its own (inet family, so it never shadows iptables' tables), a rule that rejects TCP to
// one loopback port nothing listens on (proven free by the caller), deleted again when the bench ends.
import { runCommand } from '@/lib/exec';

const TABLE = 'localhost_doctor_bench';

export async function nftUsable(): Promise<boolean> {
  if (process.getuid?.() !== 0) return false;
  return (await runCommand('nft', ['--version'])).code === 0;
}

async function nft(args: string[]): Promise<void> {
  const result = await runCommand('nft', args);
  if (result.code !== 0) throw new Error(`nft ${args.join(' ')}: ${result.stderr || result.error}`);
}

/** Replaces the bench table's only rule with one for `port`; returns the port the facts must show. */
export async function rejectOnly(port: number): Promise<void> {
  await nft(['add', 'table', 'inet', TABLE]);
  await nft(['flush', 'table', 'inet', TABLE]);
  await nft([
    'add',
    'chain',
    'inet',
    TABLE,
    'input',
    '{ type filter hook input priority 0 ; policy accept ; }',
  ]);
  await nft(['add', 'rule', 'inet', TABLE, 'input', 'iif', 'lo', 'tcp', 'dport', String(port), 'reject']);
}

export async function removeTable(): Promise<void> {
  await runCommand('nft', ['delete', 'table', 'inet', TABLE]);
}
