/**
 * A listener's own way onto another address or port, as fixes: lib/stacks recognises the program from its
 * command line and hands back argv data; here it becomes commands quoted by lib/shell, the config line as
 * code, and the caveats as sentences for the finding's detail.
 */
import { codeFix, everywhereFixes } from '@/lib/diagnosis/fix';
import { startFixes } from '@/lib/diagnosis/commands';
import type { Fix } from '@/lib/diagnosis/types';
import type { Listener } from '@/lib/host/listeners/types';
import { hostPort } from '@/lib/net';
import { UnquotableError } from '@/lib/shell/quote';
import { cmd, env, op, type Part } from '@/lib/shell/script';
import { rebindAdvice, type Invocation, type Match, type RebindTarget } from '@/lib/stacks';
import { capOutside, quoteOutside } from '@/lib/text/outside';

// The whole command line is in the listener table; a sentence quotes enough of it to name the program.
const QUOTED_COMMAND_MAX = 160;

export interface RebindFixes {
  /** The recognised program, or null when the generic list was given. */
  match: Match | null;
  fixes: Fix[];
  /** Sentences for the finding's detail: what was recognised and its caveats, or the unrecognised command. */
  detail: string;
}

/** lib/host cuts long command lines with this note: a cut argv is not a command to hand back. */
const CUT = /… \(cut: \d+ more/;

type Holder = Pick<Listener, 'argv' | 'command' | 'process'> & Partial<Pick<Listener, 'executable' | 'cwd'>>;

function scriptOf(inv: Invocation): Part[] {
  const envs = Object.entries(inv.env).map(([k, v]) => env(k, v));
  const run = [...envs, ...cmd(...inv.argv)];
  return inv.cwd ? [...cmd('cd', inv.cwd), op('&&'), ...run] : run;
}

/** A word no shell can carry (a NUL) drops that one command, never the finding. */
function safely(make: () => Fix[]): Fix[] {
  try {
    return make();
  } catch (e) {
    if (e instanceof UnquotableError) return [];
    throw e;
  }
}

/**
 * Fixes that move `holder` to `to` with its own command (only the address or port words changed), or, for
 * a program that is not recognised, its command line in the detail and the generic list (`generic`, or the
 * usual start commands when not given).
 */
export function rebindFixes(
  holder: Holder | null,
  to: RebindTarget,
  label: (what: string) => string,
  generic?: Fix[],
  /** The doctor's own directory: the holder's is named (cd … &&) only when it differs. */
  doctorCwd?: string,
): RebindFixes {
  const cut = holder && [...(holder.argv ?? []), holder.command ?? ''].some((w) => CUT.test(w));
  const input =
    holder && !cut
      ? {
          argv: holder.argv,
          command: holder.command,
          executable: holder.executable ?? holder.process,
          cwd: holder.cwd && holder.cwd !== doctorCwd ? holder.cwd : null,
        }
      : null;
  const advice = rebindAdvice(input, to);
  const where = hostPort(to.host, to.port);
  if (advice.kind === 'unknown') {
    const line = holder?.command ?? advice.commandLine;
    return {
      match: null,
      fixes: generic ?? startFixes(to.host, to.port).map((f) => ({ ...f, label: label(f.label) })),
      detail: line
        ? `It was started as ${quoteOutside(capOutside(line, QUOTED_COMMAND_MAX))}, which Localhost Doctor does not recognise: start that program on ${where} in its own way; the usual commands for common stacks are below.`
        : '',
    };
  }
  const { match, rebind } = advice;
  const fixes: Fix[] = rebind.commands.flatMap((inv) =>
    safely(() =>
      everywhereFixes(
        label(inv.kind === 'same-command' ? `your ${match.name} command, on ${where}` : inv.label),
        scriptOf(inv),
      ),
    ),
  );
  const edit = rebind.configEdit;
  if (edit) {
    const named = edit.fileFrom === 'command line' ? 'named on its command line' : 'the usual place';
    fixes.push(
      codeFix('any', label(`${edit.instruction} (in ${edit.file}, ${named})`), edit.lines.join('\n')),
    );
    if (edit.findWith)
      fixes.push(
        ...safely(() =>
          everywhereFixes(
            'List every configuration file it loaded, to find that line',
            cmd(...edit.findWith!),
          ),
        ),
      );
  }
  for (const inv of rebind.reload) fixes.push(...safely(() => everywhereFixes(inv.label, scriptOf(inv))));
  const evidence = match.evidence.map(quoteOutside).join(' ');
  return {
    match,
    fixes,
    detail: [`It is ${match.name} (from ${evidence} on its command line).`, ...rebind.notes].join(' '),
  };
}
