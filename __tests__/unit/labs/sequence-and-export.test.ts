import { parseLabSet } from '@/lib/labs/sequence';
import { progressCsv, secondsToSolve } from '@/lib/labs/progress';

const KNOWN = ['ipv6-only', 'port-conflict', 'broken-app'];

describe('/labs?set=a,b,c', () => {
  test('keeps the teacher’s order, each lab once, and names what is not a lab', () => {
    expect(parseLabSet('broken-app, ipv6-only,broken-app,nope', KNOWN)).toEqual({
      ids: ['broken-app', 'ipv6-only'],
      unknown: ['nope'],
    });
  });
  test('no set (or an empty one) is the whole list', () => {
    expect(parseLabSet(undefined, KNOWN)).toBeNull();
    expect(parseLabSet(' ', KNOWN)).toBeNull();
  });
});

describe('progress export', () => {
  const run = {
    labId: 'ipv6-only',
    runId: 'r1',
    startedAt: '2030-01-01T00:00:00.000Z',
    attempts: 3,
    solvedAt: '2030-01-01T00:02:05.000Z',
  };
  test('one CSV row per run with the seconds it took to solve', () => {
    expect(secondsToSolve(run)).toBe(125);
    expect(progressCsv([run, { ...run, runId: 'r2', solvedAt: null }])).toBe(
      'lab_id,run_id,started_at,attempts,solved_at,seconds_to_solve\n' +
        'ipv6-only,r1,2030-01-01T00:00:00.000Z,3,2030-01-01T00:02:05.000Z,125\n' +
        'ipv6-only,r2,2030-01-01T00:00:00.000Z,3,,\n',
    );
  });
  test('a cell a spreadsheet would run as a formula is defused, and quotes are doubled', () => {
    const csv = progressCsv([{ ...run, labId: '=HYPERLINK("x")' }]);
    expect(csv.split('\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)",/);
  });
});
