/**
 * A command line as structure: programs with their arguments, environment prefixes and the operators that
 * join them. Rendering quotes only the words, so `cd <dir> && <cmd>`, `PORT=5174 npm run dev` or
 * `… | Select-Object …` keep their operators as operators while any text inside a word stays a word.
 */
import { cmdQuote, posixQuote, powershellQuote, UnquotableError } from '@/lib/shell/quote';

export type Shell = 'posix' | 'powershell' | 'cmd';
export type Operator = '&&' | '||' | '|';

/**
 * Text we wrote ourselves that a shell must read as code (a PowerShell script block, `"$(command -v node)"`).
 * Only the constants in RAW may be used, so outside text can never become one.
 */
export const RAW = {
  nodeBinary: '"$(command -v node)"',
  // setcap needs the real file, not a symlink such as /usr/bin/python3 -> python3.11.
  realNode: '"$(readlink -f "$(command -v node)")"',
  realPython3: '"$(readlink -f "$(command -v python3)")"',
  realPython: '"$(readlink -f "$(command -v python)")"',
  realRuby: '"$(readlink -f "$(command -v ruby)")"',
  realPhp: '"$(readlink -f "$(command -v php)")"',
  realJava: '"$(readlink -f "$(command -v java)")"',
  realDeno: '"$(readlink -f "$(command -v deno)")"',
  realBun: '"$(readlink -f "$(command -v bun)")"',
  processNameColumn:
    "LocalAddress,LocalPort,OwningProcess,@{n='Process';e={(Get-Process -Id $_.OwningProcess).ProcessName}}",
} as const;
export type RawSnippet = keyof typeof RAW;

export type Part = { word: string } | { op: Operator } | { env: string; value: string } | { raw: RawSnippet };

export type Script = readonly Part[];

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words a POSIX shell reads as syntax at the start of a command even when nothing else is special. */
const POSIX_RESERVED = new Set([
  '!',
  '{',
  '}',
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'case',
  'esac',
  'for',
  'while',
  'until',
  'do',
  'done',
  'in',
  'function',
  'select',
  'time',
  'coproc',
  '[[',
  ']]',
]);

/** The parts of a simple command line: `cmd('curl', '-v', url)` → words. */
export function cmd(...argv: string[]): Part[] {
  return argv.map((word) => ({ word }));
}

export function op(operator: Operator): Part {
  return { op: operator };
}

export function env(name: string, value: string): Part {
  if (!ENV_NAME.test(name))
    throw new TypeError(`${JSON.stringify(name)} is not an environment variable name`);
  return { env: name, value };
}

export function raw(name: RawSnippet): Part {
  return { raw: name };
}

/** Joins simple commands with one operator: `pipeline('|', a, b)`. */
export function join(operator: Operator, ...commands: Part[][]): Part[] {
  return commands.flatMap((c, i) => (i === 0 ? c : [op(operator), ...c]));
}

function commandPosition(script: Script, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const p = script[j]!;
    if ('op' in p) return true;
    if (!('env' in p)) return false;
  }
  return true;
}

export function posixScript(script: Script): string {
  return script
    .map((p, i) => {
      if ('op' in p) return p.op;
      if ('raw' in p) return RAW[p.raw];
      if ('env' in p) return `${p.env}=${p.value === '' ? "''" : posixQuote(p.value)}`;
      const q = posixQuote(p.word);
      // At the start of a command, a bare NAME=value is an assignment and a bare `if` a keyword.
      if (commandPosition(script, i) && q === p.word && (p.word.includes('=') || POSIX_RESERVED.has(p.word)))
        return `'${p.word}'`;
      return q;
    })
    .join(' ');
}

export function powershellScript(script: Script): string {
  const out: string[] = [];
  script.forEach((p, i) => {
    if ('op' in p) out.push(p.op);
    else if ('raw' in p) out.push(RAW[p.raw]);
    else if ('env' in p) out.push(`$env:${p.env} = ${powershellQuote(p.value)};`);
    else {
      const q = powershellQuote(p.word);
      // A quoted first word is a string expression, not a command: the call operator makes it run.
      out.push(commandPosition(script, i) && q !== p.word ? `& ${q}` : q);
    }
  });
  return out.join(' ');
}

/** cmd.exe: throws UnquotableError for text cmd cannot carry safely (see cmdQuote). */
export function cmdScript(script: Script): string {
  return script
    .map((p) => {
      if ('op' in p) return p.op;
      if ('word' in p) return cmdQuote(p.word);
      throw new UnquotableError('cmd.exe', 'env' in p ? p.env : p.raw, 'only plain words are shown for cmd');
    })
    .join(' ');
}

export function renderScript(shell: Shell, script: Script): string {
  if (shell === 'posix') return posixScript(script);
  if (shell === 'powershell') return powershellScript(script);
  return cmdScript(script);
}

/** The words of a script, for callers that show them as one argv (a single command, no operators). */
export function argvOf(script: Script): string[] {
  return script.flatMap((p) => ('word' in p ? [p.word] : []));
}

/** One program and its arguments as a command line for sh. */
export function posixCommand(argv: readonly string[]): string {
  return posixScript(cmd(...argv));
}

export function powershellCommand(argv: readonly string[]): string {
  return powershellScript(cmd(...argv));
}

/** Throws UnquotableError where cmd.exe cannot carry an argument safely. */
export function cmdCommand(argv: readonly string[]): string {
  return cmdScript(cmd(...argv));
}
