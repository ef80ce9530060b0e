// The labs API as a learner's browser calls it (the app's own Origin on writes), and the proofs a lab left
// nothing behind: read from /proc and by binding the port again.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { rawRequest, type RunningApp } from './app-server';

export interface LabRun {
  id: string;
  labId: string;
  target: string;
  intent: 'reach' | 'start';
  startedAt: string;
}

export interface RunDetail {
  run: LabRun;
  choices: { findingId: string; label: string }[];
  fix: { label: string; command: string }[];
  firstHint: string;
  processes: { pid: number; role: string; running: boolean }[];
  namespace: string | null;
  directory: string;
}

export interface Finding {
  id: string;
  severity: string;
  title: string;
  detail: string;
  actions?: { kind: string; pid: number; port: number; startedAt: string | null }[];
}

export interface Diagnosis {
  target: { port: number };
  findings: Finding[];
  summary: { cause: string | null; headline: string };
}

export function labApi(app: RunningApp) {
  const headers = { host: `127.0.0.1:${app.port}` };
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await rawRequest(app.url + path, {
      method,
      headers:
        method === 'POST' ? { ...headers, origin: app.url, 'content-type': 'application/json' } : headers,
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
      timeoutMs: 45_000,
    });
    let json: T;
    try {
      json = JSON.parse(res.body) as T;
    } catch {
      json = res.body as T;
    }
    return { status: res.status, json, body: res.body, headers: res.headers };
  };
  return {
    get: <T = unknown>(path: string) => call<T>('GET', path),
    post: <T = unknown>(path: string, body?: unknown) => call<T>('POST', path, body),
  };
}

/** True when /proc has no live process with this pid (a zombie counts as gone: it has exited). */
export function goneFromProc(pid: number): boolean {
  if (!existsSync(`/proc/${pid}`)) return true;
  try {
    return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true;
  }
}

/** Every live pid whose command line names `text` (the run's own directory): none may be left. */
export function pidsMentioning(text: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(text) && !goneFromProc(Number(entry))) out.push(Number(entry));
    } catch {
      // Exited while we read.
    }
  }
  return out;
}

export function bindsAgain(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen({ host, port, exclusive: true }, () => s.close(() => resolve(true)));
  });
}

export function namespaces(): string[] {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.split(' ')[0]!)
    .filter(Boolean);
}

/** At most `n` at a time: the app runs 4 labs at once. */
export function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await work();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
