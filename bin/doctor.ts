/**
 * `npm run doctor -- <target> [--json] [--intent start]`: the same diagnosis as the API, for a terminal.
 * `--report md|json|html [--no-redact] [--out file]` writes it as a case file instead (lib/cases).
 * `npm run doctor -- watch <target> [--interval S]`: each up/down flip as it happens.
 * `npm run doctor -- history <port>`: what the recorder saw on that port.
 * Exit 0 when no finding is an error, 1 when one is, 2 for bad input.
 */
import { parseCliArgs } from '@/lib/cli/args';
import { renderJson, renderText } from '@/lib/cli/render';
import { writeFileSync } from 'node:fs';
import { oneDiagnosisCase } from '@/lib/cases/one-diagnosis';
import { diagnose } from '@/lib/diagnosis';
import { runHistoryCli } from '@/lib/history/cli';
import { forTerminalLines } from '@/lib/text/outside';
import { runWatchCli } from '@/lib/cli/watch';

/** Colours on a terminal; NO_COLOR turns them off, FORCE_COLOR on (for a pager, or a test reading the pipe). */
function wantsColor(): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(process.stdout.isTTY);
}

async function main(): Promise<number> {
  if (process.argv[2] === 'watch') return runWatchCli(process.argv.slice(3), wantsColor());
  if (process.argv[2] === 'history') return runHistoryCli(process.argv.slice(3));
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(forTerminalLines(parsed.message) + '\n');
    return 2;
  }
  const { target, json, intent } = parsed.args;
  const result = await diagnose(target, { intent });
  if (!result.ok) {
    if (json) process.stdout.write(renderJson({ error: result.error }) + '\n');
    else process.stderr.write(`${forTerminalLines(result.error.message)}\n`);
    return 2;
  }
  const d = result.diagnosis;
  if (parsed.args.report) {
    const { report, redact = true, out } = parsed.args;
    const text = oneDiagnosisCase(d, { intent, format: report, redact });
    if (out) writeFileSync(out, text, { mode: 0o600 });
    else process.stdout.write(text);
  } else if (json) process.stdout.write(renderJson(d) + '\n');
  else
    process.stdout.write(
      renderText(d, {
        color: wantsColor(),
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
