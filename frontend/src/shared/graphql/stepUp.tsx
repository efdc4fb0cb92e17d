// The one step-up verification flow of the SPA (DOMAIN.md §8). When the partner requires it, a
// sensitive mutation (allocate, reclaim, batch allocate, reseller transfers, disassociation
// requests and decisions, reveals) fails with VERIFICATION_REQUIRED; the person is asked for an
// authenticator code and the same action is sent again with it: the same variables, so the same
// idempotency key. Every sensitive action goes through useStepUp (useVerifiedMutation is the
// common case of one mutation document).
import { useCallback, useState, type ReactNode } from 'react';
import { useMutation, type AnyVariables, type CombinedError, type OperationContext, type OperationResult, type TypedDocumentNode } from 'urql';
import { VerificationPrompt } from '../components/VerificationPrompt';
import { needsVerification } from './errorInfo';
import { runWithVerification, type VerificationOutcome } from './verification';

interface PromptState {
  /** A new prompt for every question: its input starts empty. */
  key: number;
  problem?: string;
  resolve: (code: string | null) => void;
}

/** The prompt as a hook: ask() opens it and resolves to the code, or null when cancelled; render `prompt`. */
export function useVerificationPrompt(): { ask: (problem: string | undefined) => Promise<string | null>; prompt: ReactNode } {
  const [state, setState] = useState<PromptState | null>(null);
  const ask = useCallback(
    (problem: string | undefined) => new Promise<string | null>((resolve) => setState((s) => ({ key: (s?.key ?? 0) + 1, problem, resolve }))),
    [],
  );
  const close = (code: string | null) => {
    state?.resolve(code);
    setState(null);
  };
  const prompt = state ? (
    <VerificationPrompt key={state.key} problem={state.problem} onSubmit={(code) => close(code)} onCancel={() => close(null)} />
  ) : null;
  return { ask, prompt };
}

/** What an attempt must resolve to: anything with urql's error (an OperationResult, say). */
export interface Attempt {
  error?: CombinedError;
}

/**
 * The step-up flow for any action: run(attempt) calls attempt(undefined), and while the answer is
 * VERIFICATION_REQUIRED asks for a code and calls attempt(code). attempt must send the same action
 * each time (the same idempotency key), only the code differs. Render `prompt` in the component.
 */
export function useStepUp() {
  const { ask, prompt } = useVerificationPrompt();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <R extends Attempt>(attempt: (verificationCode: string | undefined) => Promise<R>): Promise<VerificationOutcome<R>> => {
      setBusy(true);
      try {
        return await runWithVerification(
          attempt,
          (r) => needsVerification(r.error),
          (r) => r.error?.graphQLErrors[0]?.message,
          ask,
        );
      } finally {
        setBusy(false);
      }
    },
    [ask],
  );
  return { run, busy, prompt };
}

/**
 * useMutation through the step-up flow. run(build) sends build(undefined) first and build(code)
 * on each retry: build must return the same variables (the same idempotency key) apart from the code.
 */
export function useVerifiedMutation<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>) {
  const [state, execute] = useMutation<Data, Variables>(document);
  const stepUp = useStepUp();
  const { run: runStepUp } = stepUp;
  const run = useCallback(
    (build: (verificationCode: string | undefined) => Variables, context?: Partial<OperationContext>): Promise<VerificationOutcome<OperationResult<Data, Variables>>> =>
      runStepUp((code) => execute(build(code), context)),
    [execute, runStepUp],
  );
  return { run, fetching: stepUp.busy || state.fetching, prompt: stepUp.prompt };
}
