import 'server-only';
import { darwinAdapter } from '@/lib/host/darwin';
import { linuxAdapter } from '@/lib/host/linux';
import type { HostAdapter } from '@/lib/host/types';
import { unsupportedAdapter } from '@/lib/host/unsupported';
import { win32Adapter } from '@/lib/host/win32';

export type { HostAdapter, HostPlatform } from '@/lib/host/types';

let chosen: HostAdapter | null = null;

/** This machine's adapter. The only place in lib/host that asks which OS this is. */
export function host(): HostAdapter {
  chosen ??=
    process.platform === 'linux'
      ? linuxAdapter
      : process.platform === 'darwin'
        ? darwinAdapter
        : process.platform === 'win32'
          ? win32Adapter
          : unsupportedAdapter(process.platform);
  return chosen;
}
