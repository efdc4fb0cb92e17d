import { describe, expect, it } from 'vitest';
import i18n from '.';
import securityZhCN from './security.zh-CN.json';
import securityEn from './security.en.json';
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

describe('security translations', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(keys(securityEn).sort()).toEqual(keys(securityZhCN).sort());
  });

  it('use the same placeholders in both languages and no empty messages', () => {
    for (const key of keys(securityZhCN)) {
      expect(vars(value(securityEn, key)), key).toEqual(vars(value(securityZhCN, key)));
      expect(value(securityZhCN, key), key).not.toBe('');
      expect(value(securityEn, key), key).not.toBe('');
    }
  });

  it('do not take over top-level keys of the main files', () => {
    const main = new Set(Object.keys(zhCN));
    for (const k of Object.keys(securityZhCN)) expect(main.has(k), k).toBe(false);
  });

  it('are merged into the translation namespace', async () => {
    expect(i18n.t('audit.menu')).toBe('审计日志');
    await i18n.changeLanguage('en');
    expect(i18n.t('account.menu')).toBe('Account');
  });
});
