// What Chromium really put on the wire, read passively from the DevTools protocol: the headers it sent
// (Sec-Fetch-*, Origin, Host) and the status and headers it got back, also for answers it then blocked
// (Cross-Origin-Resource-Policy, CORS, X-Frame-Options). Playwright's own request/response events report
// those only as failed requests, without the headers that were sent or the status that came back.
import type { Page } from 'playwright-core';

export interface WireRequest {
  url: string;
  method: string;
  /** The DevTools resource type: Document, Image, Script, Fetch, Preflight, Other… */
  type?: string;
  postData?: string;
  /** The request headers as sent, names in lower case; undefined while (or if) nothing left the browser. */
  sent?: Record<string, string>;
  /** The status the server answered, even when the browser then kept the answer from the page. */
  status?: number;
  /** The response headers as received, names in lower case. */
  received?: Record<string, string>;
  /** net::ERR_… when the load failed or the browser blocked the answer; with its reasons. */
  failure?: string;
  blockedReason?: string;
  corsError?: string;
}

export interface Wire {
  requests(): WireRequest[];
  /** The requests for this exact URL and method, in the order the browser made them. */
  find(method: string, url: string): WireRequest[];
  stop(): Promise<void>;
}

const lowerCased = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

export async function recordWire(page: Page): Promise<Wire> {
  const cdp = await page.context().newCDPSession(page);
  const byId = new Map<string, WireRequest>();
  // The *ExtraInfo events can arrive before or after the event they complete: merge by request id.
  const entry = (id: string): WireRequest => {
    let r = byId.get(id);
    if (!r) byId.set(id, (r = { url: '', method: '' }));
    return r;
  };
  cdp.on('Network.requestWillBeSent', (e) => {
    const r = entry(e.requestId);
    r.url = e.request.url;
    r.method = e.request.method;
    r.type ??= e.type;
    r.postData = e.request.postData;
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
    entry(e.requestId).sent = lowerCased(e.headers);
  });
  cdp.on('Network.responseReceivedExtraInfo', (e) => {
    const r = entry(e.requestId);
    r.status = e.statusCode;
    r.received = lowerCased(e.headers);
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = entry(e.requestId);
    r.type = e.type;
    r.status ??= e.response.status;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = entry(e.requestId);
    r.type ??= e.type;
    r.failure = e.errorText;
    r.blockedReason = e.blockedReason;
    r.corsError = e.corsErrorStatus?.corsError;
  });
  await cdp.send('Network.enable');
  const requests = () => [...byId.values()];
  return {
    requests,
    find: (method, url) => requests().filter((r) => r.method === method && r.url === url),
    stop: () => cdp.detach(),
  };
}
