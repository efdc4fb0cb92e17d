import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { filtersKey, toWhere } from './filters';

describe('toWhere', () => {
  it('sends nothing for no filters', () => {
    expect(toWhere({})).toBeUndefined();
    expect(toWhere({ label: '   ' })).toBeUndefined();
  });

  it('sends the exact label, the type and whole local days', () => {
    const where = toWhere({ associationType: 'RESALE', label: ' vip ', createdFrom: '2026-01-02', createdTo: '2026-01-31' });
    expect(where?.associationType).toBe('RESALE');
    expect(where?.label).toBe('vip');
    expect(dayjs(where?.createdAtGTE).valueOf()).toBe(dayjs('2026-01-02T00:00:00').valueOf());
    expect(dayjs(where?.createdAtLTE).valueOf()).toBe(dayjs('2026-01-31T23:59:59').valueOf());
    // RFC 3339 with an offset, as the server's Time scalar expects.
    expect(where?.createdAtGTE).toMatch(/^2026-01-02T00:00:00([+-]\d\d:\d\d|Z)$/);
  });
});

describe('filtersKey', () => {
  it('ignores surrounding spaces in the label', () => {
    expect(filtersKey({ label: 'a ' })).toBe(filtersKey({ label: 'a' }));
    expect(filtersKey({ label: 'a' })).not.toBe(filtersKey({ label: 'b' }));
  });
});
