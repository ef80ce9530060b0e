import type { CommandLine, ConfigEdit, Invocation, Rebind } from './types';

export function sameCommand(
  cmd: CommandLine,
  argv: string[],
  env: Record<string, string> = {},
  cwd = cmd.cwd,
): Invocation {
  return {
    kind: 'same-command',
    label: 'Your command, on the new address',
    argv,
    env,
    cwd,
  };
}

export function alternative(
  label: string,
  argv: string[],
  env: Record<string, string> = {},
  cwd: string | null = null,
): Invocation {
  return { kind: 'alternative', label, argv, env, cwd };
}

export function rebindWith(
  stack: { id: string; name: string },
  cmd: CommandLine,
  commands: Invocation[],
  notes: string[] = [],
  config?: { edit: ConfigEdit; reload: Invocation[] },
): Rebind {
  // A joined command hides where a word with a space ended; say so rather than hand back a wrong path.
  const split = cmd.exact
    ? []
    : [
        'This command line was read as one string: a path that holds a space may be split; check it before you run it.',
      ];
  return {
    id: stack.id,
    name: stack.name,
    commands,
    configEdit: config?.edit ?? null,
    reload: config?.reload ?? [],
    notes: [...notes, ...split],
  };
}
