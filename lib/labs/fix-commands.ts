import 'server-only';
import { posixCommand } from '@/lib/shell/script';
import type { LabFixStep } from './types';

/** Writes `value` as the file's whole content (printf, not echo: echo mangles backslashes in some shells). */
export function writeFileStep(label: string, path: string, value: unknown): LabFixStep {
  return {
    label,
    command: `${posixCommand(['printf', '%s\\n', JSON.stringify(value)])} > ${posixCommand([path])}`,
  };
}

/** The restart the lab service understands: SIGHUP makes it read server.json again and listen there. */
export function restartStep(pid: number, sudo = false): LabFixStep {
  return {
    label: 'Restart the service so it reads server.json again',
    command: posixCommand([...(sudo ? ['sudo'] : []), 'kill', '-HUP', String(pid)]),
  };
}

/** A plain HTTP server of the learner's own on the address the lab expects. */
export function startOwnServerStep(host: string, port: number): LabFixStep {
  return {
    label: `Or start a server of your own on ${host}:${port}`,
    command: posixCommand(['python3', '-m', 'http.server', String(port), '--bind', host]),
  };
}

/** The command that shows who listens on the port: what the doctor reads, in the learner's own terminal. */
export function whoListensCommand(port: number): string {
  return posixCommand(['ss', '-ltnp', `sport = :${port}`]);
}
