import 'server-only';
import { runCommand } from '@/lib/exec';

let available: Promise<boolean> | null = null;

/**
 * Labs that need their own network namespace run only when the app is root and `ip netns` and `nft` work:
 * asked once (the answer does not change while the app runs).
 */
export function rootLabsAvailable(): Promise<boolean> {
  available ??= (async () => {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
    const [ip, nft] = await Promise.all([
      runCommand('ip', ['netns', 'list']),
      runCommand('nft', ['--version']),
    ]);
    return ip.code === 0 && nft.code === 0;
  })();
  return available;
}
