// Operations of the association records page (关联关系操作记录).
import { graphql } from '../../../gql';

export const AssociationEventsQuery = graphql(`
  query AssociationEvents(
    $first: Int
    $after: Cursor
    $last: Int
    $before: Cursor
    $where: AssociationEventWhereInput
  ) {
    associationEvents(
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
          kind
          initiator
          fromType
          toType
          reason
          status
          operatorName
          decidedByName
          decidedAt
          decisionReason
          customerID
          partnerID
        }
      }
    }
  }
`);

export const DecideDisassociationMutation = graphql(`
  mutation DecideDisassociation($input: DecideDisassociationInput!) {
    decideDisassociation(input: $input) {
      event {
        id
        status
        decidedByName
        decidedAt
        decisionReason
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

/**
 * Names for the events' customers. Separate from the events because a partner no longer sees a
 * customer after the association ended, and the event's customer edge then fails (NOT_FOUND).
 */
export const EventCustomerNamesQuery = graphql(`
  query EventCustomerNames($ids: [ID!]!) {
    customers(first: 100, where: { idIn: $ids }) {
      edges {
        node {
          id
          accountName
          name
        }
      }
    }
  }
`);

/** Names for the events' partners (what the viewer may see of them). */
export const EventPartnerNamesQuery = graphql(`
  query EventPartnerNames($ids: [ID!]!) {
    partners(first: 100, where: { idIn: $ids }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
