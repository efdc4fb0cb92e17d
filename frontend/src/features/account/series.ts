// Points of the balance chart from statement rows.

export interface BalancePoint {
  time: number;
  /** For plotting only; tooltips show `label`, the exact decimal. */
  value: number;
  label: string;
}

/**
 * Statement rows come newest first (createdAt DESC, the server's order, exact to the microsecond);
 * the chart wants oldest first. The order is reversed, never re-sorted by the parsed time: a
 * JavaScript date keeps only milliseconds, and movements of one batch share them.
 */
export function balanceSeries(newestFirst: ReadonlyArray<{ createdAt: string; balanceAfter: string }>): BalancePoint[] {
  return [...newestFirst]
    .reverse()
    .map((r) => ({ time: Date.parse(r.createdAt), value: Number(r.balanceAfter), label: r.balanceAfter }))
    .filter((p) => Number.isFinite(p.time) && Number.isFinite(p.value));
}
