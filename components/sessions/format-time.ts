/** "14:02": how a session's start is named beside its short id. */
export function formatHourMinute(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
}
