/**
 * The JavaScript a page loads before any user action: every <script src> of its HTML, raw and gzipped.
 * `npx tsx bench/page-js.ts <url>…` (the app, and e.g. a hello-world Next app built the same way).
 * Chunks loaded later by a dynamic import (uPlot on the Monitor's chart) are not in the HTML, so not counted.
 */
import { gzipSync } from 'node:zlib';

async function pageJs(url: string): Promise<{ files: number; raw: number; gzip: number }> {
  const html = await (await fetch(url)).text();
  const srcs = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => new URL(m[1]!, url).href);
  let raw = 0;
  let gzip = 0;
  for (const src of new Set(srcs)) {
    const body = Buffer.from(await (await fetch(src)).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { files: new Set(srcs).size, raw, gzip };
}

async function main() {
  for (const url of process.argv.slice(2)) {
    const r = await pageJs(url);
    console.log(
      `${url}: ${r.files} scripts, ${(r.raw / 1024).toFixed(1)} KiB raw, ${(r.gzip / 1024).toFixed(1)} KiB gzip`,
    );
  }
}

void main();
