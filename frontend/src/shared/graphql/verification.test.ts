import { describe, expect, it, vi } from 'vitest';
import { newIdempotencyKey, runWithVerification } from './verification';

interface Result {
  code?: string;
  message?: string;
  ok?: boolean;
}

const needs = (r: Result) => r.code === 'VERIFICATION_REQUIRED';
const problem = (r: Result) => r.message;

describe('runWithVerification', () => {
  it('does not prompt when no code is needed', async () => {
    const attempt = vi.fn(async () => ({ ok: true }));
    const ask = vi.fn();
    const out = await runWithVerification(attempt, needs, problem, ask);
    expect(out).toEqual({ result: { ok: true }, cancelled: false });
    expect(attempt).toHaveBeenCalledWith(undefined);
    expect(ask).not.toHaveBeenCalled();
  });

  it('prompts and retries with the code, passing the server message', async () => {
    const seen: (string | undefined)[] = [];
    const attempt = vi.fn(async (code: string | undefined) => {
      seen.push(code);
      return code === '654321' ? { ok: true } : { code: 'VERIFICATION_REQUIRED', message: code ? 'wrong code' : 'needs a code' };
    });
    const ask = vi.fn().mockResolvedValueOnce('111111').mockResolvedValueOnce('654321');
    const out = await runWithVerification(attempt, needs, problem, ask);
    expect(out.result).toEqual({ ok: true });
    expect(seen).toEqual([undefined, '111111', '654321']);
    expect(ask.mock.calls).toEqual([['needs a code'], ['wrong code']]);
  });

  it('stops when the person cancels', async () => {
    const attempt = vi.fn(async () => ({ code: 'VERIFICATION_REQUIRED' }));
    const out = await runWithVerification(attempt, needs, problem, async () => null);
    expect(out.cancelled).toBe(true);
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('gives up after the maximum number of prompts', async () => {
    const attempt = vi.fn(async () => ({ code: 'VERIFICATION_REQUIRED' }));
    const out = await runWithVerification(attempt, needs, problem, async () => '000000', 2);
    expect(out.cancelled).toBe(false);
    expect(attempt).toHaveBeenCalledTimes(3);
  });
});

describe('newIdempotencyKey', () => {
  it('is new every time', () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
