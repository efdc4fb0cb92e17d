// River's job states as the page shows them.
import type { BackgroundJobState } from '../../gql/graphql';

export const JOB_STATES: readonly BackgroundJobState[] = [
  'AVAILABLE',
  'SCHEDULED',
  'PENDING',
  'RUNNING',
  'RETRYABLE',
  'COMPLETED',
  'CANCELLED',
  'DISCARDED',
];

/** The tag colour of a state: failures red, retries orange, work in progress blue. */
export function stateColor(s: BackgroundJobState): string {
  switch (s) {
    case 'COMPLETED':
      return 'green';
    case 'RUNNING':
      return 'processing';
    case 'RETRYABLE':
      return 'orange';
    case 'DISCARDED':
      return 'red';
    case 'CANCELLED':
      return 'default';
    default:
      return 'blue';
  }
}
