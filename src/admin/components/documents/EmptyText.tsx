import type { ReactNode } from 'react';

/**
 * The text of an empty table, in a colour that keeps 4.5:1 contrast (antd's placeholder grey does not).
 */
export function EmptyText({ children }: { children: ReactNode }) {
  return <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{children}</span>;
}

/**
 * A horizontal scroll only when the table has rows: an empty scrolling region has nothing to focus,
 * which keyboard users cannot scroll (axe: scrollable-region-focusable).
 */
export function scrollWhenRows(rows: number, x: number): { x: number } | undefined {
  return rows > 0 ? { x } : undefined;
}
