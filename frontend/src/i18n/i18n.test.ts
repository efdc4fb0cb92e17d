import { describe, expect, it } from 'vitest';
import i18n, { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, toLanguage } from '.';
import zhCN from './zh-CN.json';
import en from './en.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function placeholders(obj: object): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of keys(obj)) {
    const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
    out[key] = [...value.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
  }
  return out;
}

describe('i18n', () => {
  it('defaults to zh-CN', () => {
    expect(DEFAULT_LANGUAGE).toBe('zh-CN');
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('menu.customers')).toBe('客户');
  });

  it('has the same keys in every language', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('uses the same placeholders in every language', () => {
    expect(placeholders(en)).toEqual(placeholders(zhCN));
  });

  it('has no empty messages', () => {
    for (const messages of [zhCN, en]) {
      expect(Object.values(placeholders(messages))).toBeDefined();
      for (const key of keys(messages)) expect(i18n.t(key as 'app.title'), key).not.toBe('');
    }
  });

  it('switches to English and remembers the choice', async () => {
    await i18n.changeLanguage('en');
    expect(i18n.t('menu.customers')).toBe('Customers');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('falls back to the default for unknown languages', () => {
    expect(toLanguage('fr')).toBe('zh-CN');
    expect(toLanguage(null)).toBe('zh-CN');
    expect(toLanguage('en')).toBe('en');
  });
});
