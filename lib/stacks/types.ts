/**
 * Recognising the user's server from its command line, and that program's own way to move it to another
 * address or port. Everything here is data: an argv is never joined into a shell string (lib/shell quotes).
 */

/** What the caller knows about a process: its argv (best, from /proc/<pid>/cmdline) or a joined command. */
export interface CommandLineInput {
  argv?: readonly string[] | null;
  /** "Arguments joined by spaces" as lib/host gives it, or what the user typed: split conservatively. */
  command?: string | null;
  /** Executable path or short process name ('/usr/sbin/nginx', 'node'). */
  executable?: string | null;
  cwd?: string | null;
}

export interface CommandLine {
  argv: string[];
  /** False when argv was split from a joined string: a word that held a space became two. */
  exact: boolean;
  /** argv joined by spaces: programs that rename themselves (nginx, puma, next-server) are matched on this. */
  line: string;
  executable: string | null;
  cwd: string | null;
}

export type Confidence = 'high' | 'medium' | 'low';

export interface Match {
  id: string;
  /** What to call it in a sentence: "Django runserver", "Vite dev server". */
  name: string;
  confidence: Confidence;
  /** The argv words (or process title) the recognition rests on, to quote back to the user. */
  evidence: string[];
}

export interface Address {
  host: string;
  port: number;
}

export interface RebindTarget extends Address {
  /** Where it listens now, when known: lets config edits say which `listen` line to replace. */
  from?: Address;
}

/** One command to run: argv plus environment additions, never a shell string. */
export interface Invocation {
  /** 'same-command': the user's own argv with only the address/port words changed; else another way in. */
  kind: 'same-command' | 'alternative';
  label: string;
  argv: string[];
  env: Record<string, string>;
  /** Where to run it, when it matters (dev servers take their project from the working directory). */
  cwd: string | null;
}

/** For servers configured in a file (nginx, Apache, Caddy): what to write where, then how to reload. */
export interface ConfigEdit {
  file: string;
  /** 'command line': named by -c/-f/--config; 'default': the usual place, confirm it with findWith. */
  fileFrom: 'command line' | 'default';
  /** Prints the loaded configuration (nginx -T, httpd -V), to find the file that holds the listen line. */
  findWith: string[] | null;
  instruction: string;
  lines: string[];
}

export interface Rebind {
  id: string;
  name: string;
  /** In order of preference; may be empty when the address lives only in a config file. */
  commands: Invocation[];
  configEdit: ConfigEdit | null;
  /** After a config edit: test, then reload (argv each). */
  reload: Invocation[];
  /** Plain sentences: caveats the user needs ("Django reads no PORT variable"). */
  notes: string[];
}

export interface Stack {
  id: string;
  name: string;
  /**
   * Option names that carry the address or port for this program (the words rebind may change, add or drop);
   * every other word of the user's argv is kept, in order.
   */
  addressOptions: readonly string[];
  matches(cmd: CommandLine): Match | null;
  rebind(cmd: CommandLine, to: RebindTarget): Rebind;
}
