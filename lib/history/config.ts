/** The recorder's settings: HISTORY=off turns it off, HISTORY_SAMPLE_MS sets how often it reads the table. */
export interface RecorderConfig {
  enabled: boolean;
  sampleMs: number;
}

export const DEFAULT_SAMPLE_MS = 2000;
/** Below this a sample would cost more than the changes it finds are worth (tests use 200). */
export const MIN_SAMPLE_MS = 100;

/** Reads HISTORY and HISTORY_SAMPLE_MS; an unusable value falls back to the default and says so. */
export function recorderConfigFrom(env: Readonly<Record<string, string | undefined>>): {
  config: RecorderConfig;
  warnings: string[];
} {
  const warnings: string[] = [];
  const switchText = env.HISTORY?.trim().toLowerCase();
  const enabled = !(switchText === 'off' || switchText === '0' || switchText === 'false');
  let sampleMs = DEFAULT_SAMPLE_MS;
  const raw = env.HISTORY_SAMPLE_MS;
  if (raw !== undefined && raw.trim() !== '') {
    const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (Number.isInteger(n) && n >= MIN_SAMPLE_MS) sampleMs = n;
    else
      warnings.push(
        `HISTORY_SAMPLE_MS=${JSON.stringify(raw)} is not a whole number of milliseconds ≥ ${MIN_SAMPLE_MS}; using ${DEFAULT_SAMPLE_MS}`,
      );
  }
  return { config: { enabled, sampleMs }, warnings };
}
