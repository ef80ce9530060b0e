import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ListenerTable } from '@/lib/host/listeners';
import { isRoot, requireOrSkip, onLinux } from '@/__tests__/support/requirements';
import { startSocketChild, stopAllSocketChildren } from '@/__tests__/support/node-sockets';

afterAll(stopAllSocketChildren);

const NOBODY = 65534;
const repoRoot = path.resolve(__dirname, '../..');

const cli = path.join(__dirname, '..', 'support', 'list-listeners-cli.ts');

/** A checkout under a private folder (/root/...) cannot be read by nobody; that is the host's doing. */
function nobodyCanReadCheckout(): boolean {
  const probe = `require('fs').accessSync(${JSON.stringify(cli)}); require.resolve('tsx', { paths: [${JSON.stringify(repoRoot)}] })`;
  return (
    spawnSync(process.execPath, ['-e', probe], { uid: NOBODY, gid: NOBODY, stdio: 'ignore' }).status === 0
  );
}

/** Runs our adapter as the unprivileged user `nobody`, as a non-root user would run the app. */
async function listAsNobody(port: number): Promise<ListenerTable> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', cli, String(port)],
    { cwd: repoRoot, uid: NOBODY, gid: NOBODY, timeout: 20_000 },
  );
  return JSON.parse(stdout) as ListenerTable;
}

onLinux('a socket whose owner another user cannot read', () => {
  it('is listed with pid null and counted in a warning, never dropped', async () => {
    if (!requireOrSkip(isRoot, 'root (to run the adapter as another user)')) return;
    if (!nobodyCanReadCheckout()) {
      console.warn(
        `\n*** SKIPPED: user nobody cannot read ${repoRoot}, so the adapter cannot run as nobody. ***\n`,
      );
      return;
    }
    const server = await startSocketChild('tcp', '127.0.0.1'); // owned by root
    const table = await listAsNobody(server.port);
    expect(table.listeners).toEqual([
      expect.objectContaining({
        address: '127.0.0.1',
        port: server.port,
        pid: null,
        process: null,
        user: null,
      }),
    ]);
    expect(table.partial).toBe(true);
    expect(table.warnings).toContain('1 socket whose owner could not be read: run with sudo to see them');
  }, 30_000);
});
