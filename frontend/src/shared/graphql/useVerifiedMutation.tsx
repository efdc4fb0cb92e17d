// A mutation that prompts for an authenticator code on VERIFICATION_REQUIRED and retries.
import { useCallback, useState, type ReactNode } from 'react';
import { useMutation, type AnyVariables, type OperationResult, type TypedDocumentNode } from 'urql';
import { VerificationPrompt } from '../components/VerificationPrompt';
import { needsVerification } from './errorInfo';
import { runWithVerification, type VerificationOutcome } from './verification';

interface PromptState {
  problem?: string;
  resolve: (code: string | null) => void;
}

/** The prompt as a hook: ask() opens it; render `prompt` somewhere in the component. */
export function useVerificationPrompt(): { ask: (problem: string | undefined) => Promise<string | null>; prompt: ReactNode } {
  const [state, setState] = useState<PromptState | null>(null);
  const ask = useCallback(
    (problem: string | undefined) => new Promise<string | null>((resolve) => setState({ problem, resolve })),
    [],
  );
  const close = (code: string | null) => {
    state?.resolve(code);
    setState(null);
  };
  const prompt = state ? (
    <VerificationPrompt open problem={state.problem} onSubmit={(code) => close(code)} onCancel={() => close(null)} />
  ) : null;
  return { ask, prompt };
}

/**
 * useMutation with step-up verification. run(build) calls build(undefined) for the first try and
 * build(code) for each retry: build must return the same variables (the same idempotency key)
 * apart from the code.
 */
export function useVerifiedMutation<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>) {
  const [state, execute] = useMutation<Data, Variables>(document);
  const { ask, prompt } = useVerificationPrompt();
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (build: (verificationCode: string | undefined) => Variables): Promise<VerificationOutcome<OperationResult<Data, Variables>>> => {
      setBusy(true);
      try {
        return await runWithVerification(
          (code) => execute(build(code)),
          (r) => needsVerification(r.error),
          (r) => r.error?.graphQLErrors[0]?.message,
          ask,
        );
      } finally {
        setBusy(false);
      }
    },
    [execute, ask],
  );

  return { run, fetching: busy || state.fetching, prompt };
}
