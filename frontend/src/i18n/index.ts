// i18n: zh-CN is the default; the user's choice is remembered in localStorage.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN.json';
import en from './en.json';
import securityZhCN from './security.zh-CN.json';
import securityEn from './security.en.json';
import couponsZhCN from './coupons.zh-CN.json';
import couponsEn from './coupons.en.json';

/** Languages the UI ships with; the first one is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** localStorage key that remembers the chosen language. */
export const LANGUAGE_STORAGE_KEY = 'pc.lang';

export const resources = {
  'zh-CN': { translation: { ...zhCN, ...securityZhCN, ...couponsZhCN } },
  en: { translation: { ...en, ...securityEn, ...couponsEn } },
} as const;

/** Narrows anything (stored value, i18n.language) to a supported language. */
export function toLanguage(value: string | null | undefined): Language {
  return LANGUAGES.find((l) => l === value) ?? DEFAULT_LANGUAGE;
}

function storedLanguage(): Language {
  try {
    return toLanguage(globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  initAsync: false,
});

i18n.on('languageChanged', (lng) => {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, toLanguage(lng));
  } catch {
    // storage may be unavailable (private mode); the choice then lasts for this page only
  }
  if (typeof document !== 'undefined') document.documentElement.lang = toLanguage(lng);
});

if (typeof document !== 'undefined') document.documentElement.lang = toLanguage(i18n.language);

export default i18n;
