/** Render helpers: the providers every wizard component expects (TanStack Query, the OS switch). */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { OsProvider, type Os } from '@/components/ui/os';
import type { LivePort } from '@/components/wizard/use-live-port';
import type { LiveSnapshot } from '@/components/data/queries';

export function renderWithProviders(ui: ReactElement, os: Os = 'linux') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <OsProvider initial={os}>{ui}</OsProvider>
    </QueryClientProvider>,
  );
}

export function livePort(over: Partial<LivePort> = {}, snapshot?: LiveSnapshot): LivePort {
  return { snapshot, error: null, paused: false, setPaused: () => {}, log: [], diverged: false, ...over };
}

// The fetch the environment had before a test faked it: put back after each test, so a stand-in (and the
// answers it closes over) never leaks into the next test or file.
let restoreFetch: (() => void) | null = null;
afterEach(() => restoreFetch?.());

/** A stand-in for fetch that answers the app's API routes from a function the test can change. */
export function fakeApi(
  answer: (
    url: URL,
    init?: RequestInit,
  ) => { status?: number; body: unknown } | Promise<{ status?: number; body: unknown }>,
) {
  const fn = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://127.0.0.1:6280');
    const { status = 200, body } = await answer(url, init);
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: status >= 200 && status < 300 ? 'OK' : 'Error',
      headers: new Headers(),
      json: async () => body,
    } as Response;
  });
  if (!restoreFetch) {
    const had = Object.prototype.hasOwnProperty.call(globalThis, 'fetch');
    const original = globalThis.fetch;
    restoreFetch = () => {
      if (had) globalThis.fetch = original;
      else delete (globalThis as { fetch?: typeof fetch }).fetch;
      restoreFetch = null;
    };
  }
  global.fetch = fn as unknown as typeof fetch;
  return fn;
}

/** A command as shown in a command block (its words are separate spans, so match the whole <code>). */
export function isCommand(command: string) {
  return (_: string, el: Element | null) => el?.tagName === 'CODE' && el.textContent === command;
}
