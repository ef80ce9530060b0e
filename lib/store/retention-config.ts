/** How much history to keep: HISTORY_DAYS (age) and HISTORY_MAX_MB (size of the database file). */
export interface RetentionConfig {
  days: number;
  maxBytes: number;
}

export const DEFAULT_HISTORY_DAYS = 30;
export const DEFAULT_HISTORY_MAX_MB = 200;

function positiveNumber(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Reads the retention settings; a missing or unusable value falls back to the default and says so. */
export function retentionConfigFrom(env: Readonly<Record<string, string | undefined>>): {
  config: RetentionConfig;
  warnings: string[];
} {
  const warnings: string[] = [];
  const days = positiveNumber(env.HISTORY_DAYS);
  if (days === null && env.HISTORY_DAYS !== undefined) {
    warnings.push(
      `HISTORY_DAYS=${JSON.stringify(env.HISTORY_DAYS)} is not a positive number; using ${DEFAULT_HISTORY_DAYS}`,
    );
  }
  const mb = positiveNumber(env.HISTORY_MAX_MB);
  if (mb === null && env.HISTORY_MAX_MB !== undefined) {
    warnings.push(
      `HISTORY_MAX_MB=${JSON.stringify(env.HISTORY_MAX_MB)} is not a positive number; using ${DEFAULT_HISTORY_MAX_MB}`,
    );
  }
  return {
    config: {
      days: days ?? DEFAULT_HISTORY_DAYS,
      maxBytes: Math.round((mb ?? DEFAULT_HISTORY_MAX_MB) * 1024 * 1024),
    },
    warnings,
  };
}
