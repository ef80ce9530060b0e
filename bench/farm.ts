// Starts and drives the bench's socket-holding children (bench/socket-farm.mjs) over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface Endpoint {
  host: string;
  port: number;
}

interface Reply {
  id?: number;
  ok?: boolean;
  error?: string;
  ready?: boolean;
  listeners?: Endpoint[];
  connected?: number;
  port?: number;
}

export class FarmChild {
  private nextId = 1;
  private waiting = new Map<number, (reply: Reply) => void>();
  listeners: Endpoint[] = [];

  private constructor(readonly process: ChildProcess) {
    process.on('message', (reply: Reply) => {
      const done = reply.id === undefined ? undefined : this.waiting.get(reply.id);
      if (done && reply.id !== undefined) {
        this.waiting.delete(reply.id);
        done(reply);
      }
    });
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  static start(): Promise<FarmChild> {
    // execArgv [] so the child is plain node, not another tsx instance.
    const child = fork(path.join(__dirname, 'socket-farm.mjs'), [], {
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('message', () => resolve(new FarmChild(child)));
    });
  }

  request(message: Record<string, unknown>): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (reply) =>
        reply.ok ? resolve(reply) : reject(new Error(`child ${this.pid}: ${reply.error}`)),
      );
      this.process.send({ ...message, id });
    });
  }

  async openListeners(count: number, hosts: string[]): Promise<void> {
    this.listeners = (await this.request({ type: 'start', count, hosts })).listeners ?? [];
  }

  async connectTo(targets: Endpoint[]): Promise<number> {
    return (await this.request({ type: 'connect', targets })).connected ?? 0;
  }

  async openFreshListener(host: string, reuseFd: boolean): Promise<number> {
    const { port } = await this.request({ type: 'listen', host, reuseFd });
    if (port === undefined) throw new Error('child did not report a port');
    return port;
  }

  /** Kills exactly this child, by its pid. */
  kill(): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGKILL');
  }
}
