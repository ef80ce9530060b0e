import path from 'node:path';

/** Windows keeps its hosts file under the system root: the only place a name is looked up without DNS. */
export function win32HostsFilePath(env: Partial<Record<string, string>> = process.env): string {
  const root = env.SystemRoot || env.SYSTEMROOT || env.windir || 'C:\\Windows';
  return path.win32.join(root, 'System32', 'drivers', 'etc', 'hosts');
}
