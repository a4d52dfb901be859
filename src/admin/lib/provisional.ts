/**
 * "暂定（2027年放假安排尚未录入）": the server's wording (calendar/domain/provisional.ts) for a date counted
 * over a year whose holiday notice is not loaded yet. Shown wherever such a date appears.
 */
export function provisionalNote(years: readonly number[]): string {
  return `暂定（${years.map((y) => `${y}年`).join('、')}放假安排尚未录入）`;
}
