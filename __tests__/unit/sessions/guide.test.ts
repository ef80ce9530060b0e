import { runChecks } from '@/lib/diagnosis/run-checks';
import { currentGuideStep, guideSteps } from '@/lib/sessions/guide';
import { app, attempt, httpAnswer, listener, makeFacts } from '@/__tests__/support/facts';

const PORT = 62893;

test('nothing listens: Start does not hold and says to run ss and start the server', () => {
  const [start] = guideSteps(runChecks(makeFacts({ target: `127.0.0.1:${PORT}` })));
  expect(start!.step).toBe('start');
  expect(start!.holds).toBe(false);
  expect(start!.say).toBe(
    `Ask them to run \`ss -ltnp 'sport = :${PORT}'\`; it should show their server, and right now nothing listens on port ${PORT}.`,
  );
  expect(start!.next).toMatch(/start their server on port 62893/);
});

test('python3 answering on 127.0.0.1: every step holds, Start names python3 on 127.0.0.1', () => {
  const d = runChecks(
    makeFacts({
      target: `127.0.0.1:${PORT}`,
      listeners: [listener('127.0.0.1', PORT, { process: 'python3', command: 'python3 -m http.server' })],
      attempts: [attempt('127.0.0.1', PORT, 'open')],
      application: app('127.0.0.1', PORT, { http: httpAnswer(200, { title: 'Directory listing' }) }),
    }),
  );
  const steps = guideSteps(d);
  expect(steps.map((s) => s.step)).toEqual(['start', 'open', 'monitor', 'fix']);
  expect(steps[0]!.say).toBe(
    `Ask them to run \`ss -ltnp 'sport = :${PORT}'\`; it should show python3 on 127.0.0.1:${PORT}.`,
  );
  expect(steps[1]!.say).toContain('HTTP 200 “Directory listing”');
  expect(steps.every((s) => s.holds)).toBe(true);
});

test('the current step is the latest guide-step action; start when there is none', () => {
  expect(currentGuideStep([])).toBe('start');
  expect(
    currentGuideStep([
      { kind: 'action', action: 'guide-step', step: 'open' },
      { kind: 'note' },
      { kind: 'action', action: 'stop-process' },
      { kind: 'action', action: 'guide-step', step: 'monitor' },
    ]),
  ).toBe('monitor');
});
