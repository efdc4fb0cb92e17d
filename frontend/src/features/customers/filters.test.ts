import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { toWhere, type CustomerFilters } from './filters';

/** The list's paging starts afresh whenever the where-input changes (usePagedConnection). */
const key = (f: CustomerFilters) => JSON.stringify(toWhere(f));

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

describe('the list key', () => {
  it('ignores surrounding spaces in the label', () => {
    expect(key({ label: 'a ' })).toBe(key({ label: 'a' }));
    expect(key({ label: 'a' })).not.toBe(key({ label: 'b' }));
  });
});

describe('search, manager and association range', () => {
  it('sends the fuzzy search only from 2 characters on', () => {
    expect(toWhere({ search: 'a' })).toBeUndefined();
    expect(toWhere({ search: ' 张 ' })).toBeUndefined();
    expect(toWhere({ search: ' 张三 ' })?.search).toBe('张三');
  });

  it('sends the manager and whole local days of the association date', () => {
    const where = toWhere({ managerID: 'usr_1', associatedFrom: '2026-03-01', associatedTo: '2026-03-02' });
    expect(where?.managerID).toBe('usr_1');
    expect(dayjs(where?.associatedAtGTE).valueOf()).toBe(dayjs('2026-03-01T00:00:00').valueOf());
    expect(dayjs(where?.associatedAtLTE).valueOf()).toBe(dayjs('2026-03-02T23:59:59').valueOf());
  });

  it('changes the key with every filter', () => {
    const base = key({});
    expect(key({ search: 'ab' })).not.toBe(base);
    expect(key({ search: 'a' })).toBe(base);
    expect(key({ managerID: 'x' })).not.toBe(base);
    expect(key({ associatedFrom: '2026-01-01' })).not.toBe(base);
  });
});
