import { existsSync } from 'node:fs';
import { runCommand } from '@/lib/exec';
import { listListeners, type Listener } from '@/lib/host/listeners';
import { requireOrSkip, onLinux } from '@/__tests__/support/requirements';
import { startSocketChild, stopAllSocketChildren } from '@/__tests__/support/node-sockets';

/*
 * The oracle: our TCP listener table, read from /proc by hand, must say what `ss -ltnpH` says about
 * the same host at the same moment: the same addresses and ports, owned by the same pids.
 */
afterAll(stopAllSocketChildren);

interface Row {
  key: string;
  pids: number[];
}

/** '127.0.0.1', '::', '0.0.0.0', '*', '127.0.0.53%lo' → one spelling; any wildcard becomes '*'. */
function normalizeAddress(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%[^%]*$/, '');
  return bare === '0.0.0.0' || bare === '::' || bare === '*' ? '*' : bare;
}

function ssRows(stdout: string): Row[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const local = line.trim().split(/\s+/)[3]!;
      const cut = local.lastIndexOf(':');
      const pids = [...line.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
      return { key: `${normalizeAddress(local.slice(0, cut))} ${local.slice(cut + 1)}`, pids };
    });
}

function ourRows(listeners: Listener[]): Row[] {
  return listeners
    .filter((l) => l.protocol === 'tcp')
    .map((l) => ({ key: `${normalizeAddress(l.address)} ${l.port}`, pids: l.pid === null ? [] : [l.pid] }));
}

/** Differences, as sentences; each of our rows must match one ss row with the same key and a shared pid. */
function differences(ours: Row[], theirs: Row[]): string[] {
  const left = [...theirs];
  const problems: string[] = [];
  for (const row of ours) {
    const at = left.findIndex(
      (s) =>
        s.key === row.key && (row.pids.length === 0 ? s.pids.length === 0 : s.pids.includes(row.pids[0]!)),
    );
    if (at < 0) problems.push(`ours only: ${row.key} pid ${row.pids[0] ?? 'null'}`);
    else left.splice(at, 1);
  }
  return [...problems, ...left.map((s) => `ss only: ${s.key} pids ${s.pids.join(',') || 'none'}`)];
}

onLinux('oracle: our Linux TCP listener table matches ss -ltnpH', () => {
  it('agrees on addresses, ports and pids', async () => {
    const version = await runCommand('ss', ['-V']);
    if (!requireOrSkip(!version.error, 'ss (iproute2) for the listener oracle')) return;
    // Some of our own, so the comparison is never trivially empty.
    await startSocketChild('tcp', '127.0.0.1');
    if (existsSync('/proc/net/tcp6')) await startSocketChild('tcp', '::1');

    // Other test files open and close sockets meanwhile: read ours, ss, ours again, and retry until
    // nothing changed around the ss call.
    let problems: string[] = ['the host never held still long enough to compare'];
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = ourRows((await listListeners({ protocols: ['tcp'] })).listeners);
      const ss = await runCommand('ss', ['-ltnpH'], { timeoutMs: 10_000 });
      expect(ss.error).toBeUndefined();
      const after = ourRows((await listListeners({ protocols: ['tcp'] })).listeners);
      if (differences(before, after).length > 0) continue;
      problems = differences(after, ssRows(ss.stdout));
      if (problems.length === 0) break;
    }
    expect(problems).toEqual([]);
  });
});
