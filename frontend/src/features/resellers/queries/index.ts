// Operations of the reseller applications page (云经销商合作申请).
import { graphql } from '../../../gql';

export const ResellerApplicationsQuery = graphql(`
  query ResellerApplications($first: Int, $after: Cursor, $last: Int, $before: Cursor, $where: ResellerApplicationWhereInput) {
    resellerApplications(
      first: $first
      after: $after
      last: $last
      before: $before
      where: $where
      orderBy: { field: CREATED_AT, direction: DESC }
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          createdAt
          message
          status
          decidedByName
          decidedAt
          decisionReason
          resellerID
          resellerName
          distributorID
          distributorName
        }
      }
    }
  }
`);

export const ResellerPartnerQuery = graphql(`
  query ResellerPartner($id: ID!) {
    node(id: $id) {
      __typename
      ... on Partner {
        id
        kind
        distributor {
          id
          name
        }
      }
    }
  }
`);

export const DecideResellerApplicationsMutation = graphql(`
  mutation DecideResellerApplications($input: DecideResellerApplicationsInput!) {
    decideResellerApplications(input: $input) {
      succeeded
      failed
      results {
        id
        ok
        code
        reason
        message
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const ApplyToDistributorMutation = graphql(`
  mutation ApplyToDistributor($distributorID: ID!, $message: String) {
    applyToDistributor(distributorID: $distributorID, message: $message) {
      application {
        id
        status
      }
      userErrors { ...UserErrorFields }
    }
  }
`);
