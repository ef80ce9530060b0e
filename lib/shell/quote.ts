/**
 * One word, quoted so that the shell it is pasted into hands exactly this string to the program, whatever it
 * holds: `$(…)`, backticks, quotes, globs, newlines. Words that need no quoting stay bare, so the commands we
 * show stay readable (`nc -vz localhost 3000`).
 *
 * NUL is refused everywhere: a program's arguments are C strings, so no shell can pass one, and dropping it
 * silently would show a command that does something else than the one we meant.
 */

export class UnquotableError extends Error {
  constructor(shell: string, word: string, why: string) {
    super(`${shell} cannot carry the argument ${JSON.stringify(word.slice(0, 60))}: ${why}`);
    this.name = 'UnquotableError';
  }
}

function refuseNul(shell: string, word: string): void {
  if (word.includes('\0')) throw new UnquotableError(shell, word, 'it holds a NUL character');
}

/** Characters no POSIX shell treats specially anywhere in a word (no globs, no ~, no expansions). */
const POSIX_BARE = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** An option with a value, `--zone=public`: the name stays bare and only the value is quoted. */
const OPTION_PREFIX = /^(--?[A-Za-z0-9][A-Za-z0-9_.-]*=)(.+)$/s;

function posixSingleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A word for sh, bash, zsh and dash: bare when safe, otherwise in single quotes (a quote is `'\''`). */
export function posixQuote(word: string): string {
  refuseNul('A POSIX shell', word);
  if (POSIX_BARE.test(word)) return word;
  const option = word.match(OPTION_PREFIX);
  if (option) return option[1]! + posixSingleQuoted(option[2]!);
  return posixSingleQuoted(word);
}

/**
 * PowerShell reads the typographic single quotes as quotes too, so each of them is doubled like `'`
 * (otherwise `‘` would close the string and what follows would run).
 */
const PS_SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;
/** Bare-safe in PowerShell's argument mode: no `$ @ , ; ( ) { } [ ] | & < > # ' " `` ` `` or spaces. */
const POWERSHELL_BARE = /^[A-Za-z0-9_%+=:./\\-]+$/;

/** A word for PowerShell (5.1 and 7): bare when safe, otherwise a single-quoted string, quotes doubled. */
export function powershellQuote(word: string): string {
  refuseNul('PowerShell', word);
  if (POWERSHELL_BARE.test(word) && !word.startsWith('--%')) return word;
  return `'${word.replace(PS_SINGLE_QUOTES, '$&$&')}'`;
}

/** Bare-safe for cmd.exe and for the program's own splitting of its command line (MSVCRT rules). */
const CMD_BARE = /^[A-Za-z0-9_+=:./\\-]+$/;
/**
 * cmd.exe has no quoting that stops `%VAR%` (and `!VAR!` with delayed expansion) from expanding, and no
 * escape for `"` that both cmd and every program's argument splitter agree on; a newline ends the command.
 * An argument holding one of those cannot be shown as a safe cmd command at all, so the builder refuses
 * and the caller shows the PowerShell form, or no command.
 */
const CMD_UNSAFE = /["%!\r\n\0]/;

/** A word for cmd.exe: bare when safe, otherwise in double quotes; throws when cmd cannot carry it. */
export function cmdQuote(word: string): string {
  const bad = word.match(CMD_UNSAFE);
  if (bad) throw new UnquotableError('cmd.exe', word, `it holds ${JSON.stringify(bad[0])}`);
  if (CMD_BARE.test(word)) return word;
  // Backslashes before the closing quote would escape it for the program's splitter: double them.
  const quoted = (text: string) => `"${text.replace(/(\\+)$/, '$1$1')}"`;
  const option = word.match(/^([A-Za-z0-9/-][A-Za-z0-9_.-]*=)(.+)$/s);
  if (option) return option[1]! + quoted(option[2]!);
  return quoted(word);
}

/**
 * Safe bare in sh, PowerShell and cmd alike: a command made only of these words is one text for every OS
 * (`python manage.py runserver 127.0.0.1:8000`).
 */
const PORTABLE_BARE = /^[A-Za-z0-9_+=:./-]+$/;

export function isPortableWord(word: string): boolean {
  return PORTABLE_BARE.test(word);
}
