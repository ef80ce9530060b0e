// Case files built from engine-computed diagnoses (fixtures/diagnoses.ts): a session that tried, noted,
// copied a fix and diagnosed again. Secrets are planted where a real machine would show them.
import { runChecks } from '@/lib/diagnosis/run-checks';
import { caseFileFromSession } from '@/lib/cases/from-session';
import type { CaseFile } from '@/lib/cases/schema';
import type { Diagnosis } from '@/lib/diagnosis/types';
import { aliceFacts, aliceListener, httpOkScenario, noListenerDiagnosis } from '../../fixtures/diagnoses';

export const HOME = '/home/alice';

/** localhost:3000 answered by a node server whose command line holds a password, an API key and a URL password. */
export function secretServerDiagnosis(
  argv: string[] = [
    '/usr/bin/node',
    `${HOME}/shop/server.js`,
    '--password',
    'hunter2',
    '--api-key=sk_live_4eC39HqLyjWDarjtT1zdp7dc',
    '--db',
    'postgres://shop:s3cretpw@127.0.0.1:5432/shop',
  ],
): Diagnosis {
  const s = httpOkScenario();
  return runChecks(aliceFacts({ ...s, listeners: [aliceListener({ argv, command: argv.join(' ') })] }));
}

export function sessionCase(
  diagnoses: Diagnosis[] = [noListenerDiagnosis(), secretServerDiagnosis()],
): CaseFile {
  const at = (min: number) => `2026-12-02T14:${String(min).padStart(2, '0')}:00.000Z`;
  const entries = [
    ...diagnoses.map((diagnosis, i) => ({
      seq: i * 2 + 1,
      at: at(i * 2),
      kind: 'diagnosis' as const,
      payload: { intent: 'reach', diagnosis },
    })),
    {
      seq: 2,
      at: at(1),
      kind: 'note' as const,
      payload: { text: 'started it with `node server.js` *again*' },
    },
    {
      seq: 20,
      at: at(20),
      kind: 'copied' as const,
      payload: { findingId: 'no-listener', label: 'Start it', command: 'echo ```x```', platform: 'linux' },
    },
  ].sort((a, b) => a.seq - b.seq);
  return caseFileFromSession({
    session: {
      id: 'b3c1d2e4-0000-4000-8000-000000000001',
      target: 'localhost:3000',
      createdAt: at(0),
      readOnly: false,
    },
    entries,
    platform: 'linux',
    hostname: 'alice-laptop',
    now: '2026-12-02T14:30:00.000Z',
  });
}
