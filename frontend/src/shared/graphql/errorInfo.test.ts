import { describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import i18n from '../../i18n';
import { describeError, describeRefusal, labelKey, needsVerification, refusalOf } from './errorInfo';

const t = i18n.t.bind(i18n);

function gqlError(message: string, extensions: Record<string, unknown>) {
  return new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });
}

describe('refusals', () => {
  it('reads code, reason and field from the extensions', () => {
    const r = refusalOf(gqlError('no', { code: 'BAD_USER_INPUT', reason: 'OWN_BALANCE', field: 'type' }));
    expect(r).toEqual({ code: 'BAD_USER_INPUT', reason: 'OWN_BALANCE', field: 'type', message: 'no' });
  });

  it('prefers the reason over the code for the label', () => {
    expect(labelKey({ code: 'FORBIDDEN', reason: 'NOT_YOUR_DECISION' })).toBe('NOT_YOUR_DECISION');
    expect(labelKey({ code: 'FORBIDDEN', reason: 'SOMETHING_NEW' })).toBe('FORBIDDEN');
    expect(labelKey({ code: 'WHATEVER' })).toBeUndefined();
  });

  it('shows the translated label with the server message', () => {
    expect(describeRefusal({ code: 'INSUFFICIENT_BALANCE', message: 'the balance is not enough' }, t)).toBe('余额不足（the balance is not enough）');
    expect(describeRefusal({ code: 'UNKNOWN_CODE', message: 'server says' }, t)).toBe('server says');
    expect(describeRefusal({ code: 'FORBIDDEN' }, t)).toBe('无权操作');
    expect(describeRefusal({}, t)).toBe(t('errors.generic'));
  });

  it('translates in English too', async () => {
    await i18n.changeLanguage('en');
    expect(describeRefusal({ code: 'OVER_RECLAIM', message: 'at most 1.00' }, i18n.t.bind(i18n))).toBe('More than can be reclaimed (at most 1.00)');
  });

  it('gives the network text for network failures', () => {
    const err = new CombinedError({ networkError: new Error('offline') });
    expect(describeError(err, t)).toBe(t('errors.network'));
  });

  it('recognises VERIFICATION_REQUIRED', () => {
    expect(needsVerification(gqlError('code please', { code: 'VERIFICATION_REQUIRED' }))).toBe(true);
    expect(needsVerification(gqlError('no', { code: 'FORBIDDEN' }))).toBe(false);
    expect(needsVerification(undefined)).toBe(false);
  });
});
