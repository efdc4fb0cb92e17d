import { describe, expect, it } from 'vitest';
import { balanceSeries } from './series';

describe('balanceSeries', () => {
  it('turns newest-first rows into oldest-first points with the exact label', () => {
    const points = balanceSeries([
      { createdAt: '2026-11-21T06:20:31.202674Z', balanceAfter: '45000.00' },
      { createdAt: '2026-11-21T06:20:31.202447Z', balanceAfter: '55000.10' },
      { createdAt: 'bad', balanceAfter: '1.00' },
      { createdAt: '2026-11-21T06:20:31.1Z', balanceAfter: '64000.00' },
    ]);
    expect(points.map((p) => p.label)).toEqual(['64000.00', '55000.10', '45000.00']);
    expect(points[1].value).toBe(55000.1);
  });

  it('keeps the server order for movements in the same millisecond', () => {
    const same = '2026-11-21T06:20:31.202Z';
    const rows = ['3.00', '2.00', '1.00'].map((b) => ({ createdAt: same, balanceAfter: b }));
    expect(balanceSeries(rows).map((p) => p.label)).toEqual(['1.00', '2.00', '3.00']);
  });
});
