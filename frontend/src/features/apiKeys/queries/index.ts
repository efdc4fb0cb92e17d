// Operations of the API keys page.
import { graphql } from '../../../gql';

export const ApiKeysQuery = graphql(`
  query ApiKeys($first: Int, $after: Cursor, $last: Int, $before: Cursor) {
    apiKeys(first: $first, after: $after, last: $last, before: $before, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          prefix
          scope
          createdAt
          lastUsedAt
          revokedAt
          createdBy {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey {
        id
        name
        prefix
        scope
        createdAt
        lastUsedAt
        revokedAt
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      apiKey {
        id
        revokedAt
      }
      userErrors { ...UserErrorFields }
    }
  }
`);
