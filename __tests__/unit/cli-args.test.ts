import { parseCliArgs } from '@/lib/cli/args';

describe('doctor CLI arguments', () => {
  test('a target with --json and --intent start', () => {
    expect(parseCliArgs(['localhost:3000', '--json', '--intent', 'start'])).toEqual({
      ok: true,
      args: { target: 'localhost:3000', json: true, intent: 'start' },
    });
    expect(parseCliArgs(['--intent=start', ':5000'])).toMatchObject({
      ok: true,
      args: { intent: 'start', json: false },
    });
  });
  test.each([[[]], [['a', 'b']], [['x', '--intent', 'stop']], [['x', '--verbose']]])(
    '%j is refused with usage',
    (argv) => {
      expect(parseCliArgs(argv).ok).toBe(false);
    },
  );
});
