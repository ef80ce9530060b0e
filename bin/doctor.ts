/**
 * `npm run doctor -- <target> [--json] [--intent start]`: the same diagnosis as the API, for a terminal.
 * Exit 0 when no finding is an error, 1 when one is, 2 for bad input.
 */
import { parseCliArgs } from '@/lib/cli/args';
import { renderText } from '@/lib/cli/render';
import { diagnose } from '@/lib/diagnosis';

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(parsed.message + '\n');
    return 2;
  }
  const { target, json, intent } = parsed.args;
  const result = await diagnose(target, { intent });
  if (!result.ok) {
    if (json) process.stdout.write(JSON.stringify({ error: result.error }, null, 2) + '\n');
    else process.stderr.write(`${result.error.message}\n`);
    return 2;
  }
  const d = result.diagnosis;
  if (json) process.stdout.write(JSON.stringify(d, null, 2) + '\n');
  else
    process.stdout.write(
      renderText(d, {
        color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
        platform: d.facts.platform,
      }),
    );
  return d.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`doctor failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
