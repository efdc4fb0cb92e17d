// Typed keys for t(): a missing or misspelt key is a type error.
import 'i18next';
import type zhCN from './zh-CN.json';
import type securityZhCN from './security.zh-CN.json';
import type couponsZhCN from './coupons.zh-CN.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN & typeof securityZhCN & typeof couponsZhCN };
    returnNull: false;
  }
}
