// Calls the GET /api/diagnose route handler in this process and prints its status and JSON body: the API's
// answer for firewall.test.ts, inside its namespace, when no current production build can be started.
import { GET } from '@/app/api/diagnose/route';

const host = '127.0.0.1:6280';
const url = `http://${host}/api/diagnose?target=${encodeURIComponent(process.argv[2] ?? '')}`;
GET(new Request(url, { headers: { host } })).then(async (res) =>
  process.stdout.write(JSON.stringify({ status: res.status, body: await res.json() })),
);
