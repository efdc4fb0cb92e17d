// A business refusal as every mutation payload carries it (DESIGN.md §3: `userErrors { field code
// message }`); describeRefusal (./errorInfo.ts) turns one into a sentence.
import { graphql } from '../../gql';

/** The fields of a UserError: spread `...UserErrorFields` in a payload's `userErrors`. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    field
    code
    message
  }
`);
