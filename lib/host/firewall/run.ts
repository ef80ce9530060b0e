import 'server-only';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { runCommand, type CommandResult } from '@/lib/exec';
import type { FirewallSource, FirewallTool, SourceStatus } from '@/lib/host/firewall/types';
import type { HostPlatform } from '@/lib/host/types';

// Firewall tools live in sbin, which a normal user's PATH often lacks (Debian): without looking there a
// tool that is installed but unreadable would pass for "not installed".
const SBIN = ['/usr/sbin', '/sbin', '/usr/local/sbin'];

/**
 * The absolute path of an installed executable, or null when it is not installed. Looked up afresh each
 * time, synchronously: a dozen access(2) calls take microseconds, while the same calls queued behind a
 * busy diagnosis' file reads in the thread pool delayed every firewall tool by tens of milliseconds.
 */
export async function findTool(name: string): Promise<string | null> {
  if (name.startsWith('/')) return isExecutable(name) ? name : null;
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...SBIN];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const DENIED =
  /permission denied|operation not permitted|you must be root|need to be root|must be run as root|must be superuser|authorization failed|not authorized|access is denied|requires elevation|EPERM|EACCES/i;

/** Whether a tool's complaint means "not allowed to read this", as opposed to any other failure. */
export function isPermissionError(text: string): boolean {
  return DENIED.test(text);
}

/** The first line of what a tool said about its failure, for a sentence. */
export function complaint(r: CommandResult): string {
  const text = (r.stderr.trim() || r.stdout.trim() || r.error || `exit code ${String(r.code)}`).split('\n');
  return (text.find((l) => isPermissionError(l)) ?? text[0] ?? '').trim();
}

export interface ToolAnswer {
  /** The command as a person would type it, e.g. "nft -j list ruleset". */
  display: string;
  /** The same as arguments, for the command a person is offered to run with more rights. */
  argv: readonly string[];
  result: CommandResult;
}

/** How an OS adapter runs a firewall tool (tests hand in one that answers from fixtures). */
export type ToolRunner = (
  name: string,
  args: string[],
  timeoutMs?: number,
  displayArgv?: readonly string[],
) => Promise<ToolAnswer | null>;

/**
 * Runs an installed tool with a deadline; null when it is not installed (then it is simply absent from the
 * facts). Never a shell: the arguments are passed as an array.
 */
export async function runTool(
  platform: HostPlatform,
  name: string,
  args: string[],
  timeoutMs = 3000,
  displayArgv?: readonly string[],
): Promise<ToolAnswer | null> {
  // Windows finds its tools on its own PATH; there is no sbin to add.
  const path = platform === 'win32' ? name : await findTool(name);
  if (!path) return null;
  const result = await runCommand(path, args, { timeoutMs, maxBytes: 8 * 1024 * 1024 });
  if (result.error && /is not installed/.test(result.error)) return null;
  const short = name.split('/').pop() ?? name;
  const argv = displayArgv ?? [name.startsWith('/') ? name : short, ...args];
  return { display: argv.join(' '), argv, result };
}

export function succeeded(answer: ToolAnswer): boolean {
  return answer.result.code === 0 && !answer.result.timedOut && !answer.result.truncated;
}

/**
 * A source entry for a tool that did not answer: denied (with the exact sudo command), or failed. When the
 * doctor already runs as root, sudo would not help, so none is offered: then a container without
 * CAP_NET_ADMIN or a security module is the likely reason, and the sentence says so.
 */
export function unanswered(
  platform: HostPlatform,
  tool: FirewallTool,
  answer: ToolAnswer,
  inactive = false,
): FirewallSource {
  const detail = answer.result.timedOut ? `no answer within the time limit` : complaint(answer.result);
  const denied = isPermissionError(
    `${answer.result.stderr}\n${answer.result.stdout}\n${answer.result.error ?? ''}`,
  );
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const status: SourceStatus = inactive ? 'inactive' : denied ? 'denied' : 'failed';
  const windows = platform === 'win32';
  return {
    tool,
    platform,
    command: answer.display,
    status,
    detail:
      denied && isRoot
        ? `${detail} (even as root: a container without CAP_NET_ADMIN, or a security module, forbids it)`
        : detail,
    sudo: status === 'denied' && !isRoot ? (windows ? answer.argv : ['sudo', ...answer.argv]) : null,
    rules: 0,
  };
}

/** A source entry for a tool that answered, stamped with the platform of the adapter that ran it. */
export function answered(
  platform: HostPlatform,
  tool: FirewallTool,
  answer: ToolAnswer,
  rules: number,
): FirewallSource {
  return {
    tool,
    platform,
    command: answer.display,
    status: 'read',
    detail: null,
    sudo: null,
    rules,
  };
}
