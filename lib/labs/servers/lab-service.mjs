// The broken service a lab starts (run with the app's own node, never through a shell). Everything it does
// comes from files in its run directory, so the learner fixes it the way a real service is fixed: edit its
// config and restart it (`kill -HUP <pid>` re-reads server.json), remove a stale lock, write a missing
// setting. It reports each address it listens on as one JSON line on stdout, and, started by the app, exits
// when the app goes away (its stdin closes), so a lab process never outlives the app.
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';

const dir = process.argv[2];
const crashAt = process.argv.indexOf('--crash-after-ms');
const crashAfterMs = crashAt > 0 ? Number(process.argv[crashAt + 1]) : null;
const say = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const file = (name) => join(dir, name);
const readJson = (name) => JSON.parse(readFileSync(file(name), 'utf8'));

function page(res, status, title, text) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><title>${title}</title><h1>${title}</h1><p>${text}</p>\n`);
}

function answer(req, res, config) {
  // A stale lock: the request is accepted and held, the way a stuck worker holds it, until the lock goes.
  if (config.lockFile && existsSync(file(config.lockFile))) {
    const timer = setInterval(() => {
      if (!existsSync(file(config.lockFile))) {
        clearInterval(timer);
        answer(req, res, config);
      }
    }, 200);
    res.on('close', () => clearInterval(timer));
    return;
  }
  if (config.settingsFile) {
    let settings = null;
    try {
      settings = readJson(config.settingsFile);
    } catch {
      settings = null;
    }
    if (!settings || typeof settings.database !== 'string') {
      const where = file(config.settingsFile);
      page(
        res,
        500,
        `Error: no "database" setting in ${where}`,
        `KeyError: 'database' while reading ${where}`,
      );
      return;
    }
  }
  page(res, 200, 'Lab service', 'It works.');
}

let server = null;
let current = null;

function listen(config, onError) {
  const handler = (req, res) => answer(req, res, config);
  const next = config.tls
    ? createHttpsServer({ key: readFileSync(file('key.pem')), cert: readFileSync(file('cert.pem')) }, handler)
    : createHttpServer(handler);
  next.once('error', onError);
  next.listen({ host: config.host, port: config.port, exclusive: true }, () => {
    server = next;
    current = config;
    const { port } = next.address();
    say({ listening: { host: config.host, port } });
  });
}

listen(readJson('server.json'), (err) => {
  say({ error: err.message });
  process.exit(1);
});

// A restart: read server.json again and listen where it now says; a bad edit keeps the old address.
process.on('SIGHUP', () => {
  let config;
  try {
    config = readJson('server.json');
  } catch (err) {
    say({ error: `server.json: ${err.message}` });
    return;
  }
  const previous = current;
  server.close();
  server.closeAllConnections?.();
  listen(config, (err) => {
    say({ error: err.message });
    listen(previous, () => process.exit(1));
  });
});

if (crashAfterMs !== null)
  setTimeout(() => {
    process.stderr.write('FATAL: worker ran out of memory (heap limit reached), exiting\n');
    process.exit(1);
  }, crashAfterMs);

if (process.argv.includes('--exit-with-parent')) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}
