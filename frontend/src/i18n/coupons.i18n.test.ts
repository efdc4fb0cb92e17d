import { describe, expect, it } from 'vitest';
import i18n from '.';
import couponsZhCN from './coupons.zh-CN.json';
import couponsEn from './coupons.en.json';
import securityZhCN from './security.zh-CN.json';
import zhCN from './zh-CN.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function value(obj: object, key: string): string {
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
}

const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('coupon translations', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(keys(couponsEn).sort()).toEqual(keys(couponsZhCN).sort());
  });

  it('use the same placeholders in both languages and no empty messages', () => {
    for (const key of keys(couponsZhCN)) {
      expect(vars(value(couponsEn, key)), key).toEqual(vars(value(couponsZhCN, key)));
      expect(value(couponsZhCN, key), key).not.toBe('');
      expect(value(couponsEn, key), key).not.toBe('');
    }
  });

  it('do not take over top-level keys of the other files', () => {
    const taken = new Set([...Object.keys(zhCN), ...Object.keys(securityZhCN)]);
    for (const k of Object.keys(couponsZhCN)) expect(taken.has(k), k).toBe(false);
  });

  it('name all nine coupon record types and the four quota record types', () => {
    expect(Object.keys(couponsZhCN.coupons.recordType)).toHaveLength(13);
  });

  it('are merged into the translation namespace', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('coupons.menu.coupons')).toBe('券管理');
    await i18n.changeLanguage('en');
    expect(i18n.t('coupons.recordType.RECLAIMED_BY_HAND')).toBe('Reclaimed by hand');
    await i18n.changeLanguage('zh-CN');
  });
});
