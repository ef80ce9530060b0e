// One test file's world: the real app started as `npm start` does, a fresh Chromium, and the servers the
// tests start — all stopped by pid after the file. Skips (loudly) or fails under CI when a need is missing.
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../support/app-server';
import { startChildHttpServer, type ChildServer } from '../../support/child-server';
import { chromiumAvailable, openBrowser, type Browser } from './browser';

export interface E2E {
  /** False when this host lacks something the tests need (outside CI only); tests then return early. */
  readonly ready: boolean;
  readonly app: RunningApp;
  readonly page: Page;
  /** A real HTTP server in a child process, stopped after the file's tests. */
  server(opts?: Parameters<typeof startChildHttpServer>[0]): Promise<ChildServer>;
}

export function e2eSession(options: { requires?: () => Promise<boolean> } = {}): E2E {
  let ready = false;
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  const servers: ChildServer[] = [];

  beforeAll(async () => {
    ready = chromiumAvailable() && (options.requires ? await options.requires() : true);
    if (!ready) return;
    [app, browser] = await Promise.all([startApp({}, 180_000), openBrowser()]);
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await app?.stop();
  });

  return {
    get ready() {
      return ready;
    },
    get app() {
      if (!app) throw new Error('the app is not running (check `ready` first)');
      return app;
    },
    get page() {
      if (!browser) throw new Error('no browser (check `ready` first)');
      return browser.page;
    },
    async server(opts) {
      const s = await startChildHttpServer(opts);
      servers.push(s);
      return s;
    },
  };
}
