/**
 * Runs once when the server starts. External tools are started from a small child from now on (a fork
 * of this big process held the event loop 15–90 ms per tool: lib/exec-spawner.ts). The first listener lookup of a process maps every socket inode to its
 * owner (a full /proc scan, about as long as `ss -ltnp`); the history recorder's first sample does it now,
 * which keeps that cost off the first page (with HISTORY=off, a lone lookup does).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startSpawner } = await import('@/lib/exec-spawner');
  startSpawner();
  const { listListeners } = await import('@/lib/host/listeners');
  const { startHistory } = await import('@/lib/history/start');
  setTimeout(() => {
    if (startHistory() === null) listListeners().catch(() => undefined);
  }, 0);
  // Stored watches resume sampling when the server starts, not when someone first opens the Monitor.
  const { watchScheduler } = await import('@/lib/watch');
  setTimeout(() => {
    try {
      watchScheduler();
    } catch (err) {
      console.warn(
        `[localhost-doctor] watches not resumed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }, 0);
}
