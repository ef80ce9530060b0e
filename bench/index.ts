// `npm run bench`: bench/main.ts (the diagnosis bench, the listener-lookup bench, and the others that
// exist). lib/host modules import 'server-only', which loads only under the react-server export
// condition (as in Next's server bundle); when this process was started without it, re-run node with it
// and the same tsx loader.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

if (process.platform !== 'linux') {
  console.error('The bench measures the Linux /proc adapter against ss; run it on Linux.');
  process.exit(2);
}
if (require.resolve('server-only').endsWith('empty.js')) {
  require('./main');
} else {
  const run = path.join(__dirname, 'main.ts');
  const result = spawnSync(process.execPath, [...process.execArgv, '--conditions=react-server', run], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
