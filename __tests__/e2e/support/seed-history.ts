// Run through tsx with the react-server condition (the store is server-only code, which Jest's e2e project
// cannot load): writes the listener events given as JSON in argv[2] into the store under DATA_DIR.
import { openStore } from '@/lib/store/open-store';
import { recordListenerEvents, type ListenerEvent } from '@/lib/store/listener-events';

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('DATA_DIR is required');
const opened = openStore({ dataDir, log: { warn: (m) => process.stderr.write(`${m}\n`) } });
if (opened.status !== 'ok') throw new Error(opened.reason);
recordListenerEvents(opened.db, JSON.parse(process.argv[2]!) as ListenerEvent[]);
opened.db.close();
