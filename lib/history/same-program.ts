/**
 * "The same program, apart from the port": a dev server that came up on 5174 because 5173 was taken has
 * the very same command line; one started with `--port 5174` differs only in that number. Pure.
 */
import { splitCommandString } from '@/lib/stacks';

const PORT_MARK = '\u0000port';

/** The command's words with every standalone occurrence of `port` replaced by one mark. */
function withoutPort(command: string, port: number): string {
  const number = new RegExp(`(?<![0-9])${port}(?![0-9])`, 'g');
  return splitCommandString(command)
    .map((word) => word.replace(number, PORT_MARK))
    .join('\u0000');
}

export function sameProgramApartFromPort(
  recorded: { command: string | null; cwd: string | null; port: number },
  live: { command: string | null; cwd: string | null; port: number },
): boolean {
  if (!recorded.command || !live.command || recorded.port === live.port) return false;
  if (recorded.cwd !== live.cwd) return false;
  return withoutPort(recorded.command, recorded.port) === withoutPort(live.command, live.port);
}
