// Operations of the background jobs page (the platform operator's).
import { graphql } from '../../../gql';

export const BackgroundJobsQuery = graphql(`
  query BackgroundJobs($states: [BackgroundJobState!], $kind: String, $first: Int) {
    backgroundJobs(states: $states, kind: $kind, first: $first) {
      id
      kind
      state
      queue
      attempt
      maxAttempts
      attemptedBy
      createdAt
      scheduledAt
      attemptedAt
      finalizedAt
      lastError {
        attempt
        at
        message
      }
      errorCount
      argsBytes
    }
  }
`);
