// Operations of the customers feature.
import { graphql } from '../../../gql';

/** A customer as the list shows it (masked personal fields, association, balances); the detail adds to it. */
export const CustomerRowFields = graphql(`
  fragment CustomerRowFields on Customer {
    id
    accountName
    name
    mobile
    email
    provinceCode
    cityCode
    label
    associationType
    associatedAt
    createdAt
    frozen
    allocatedBalance
    ownBalance
    partner {
      id
      name
    }
    manager {
      id
      displayName
    }
  }
`);

export const CustomersQuery = graphql(`
  query Customers(
    $first: Int
    $after: Cursor
    $last: Int
    $before: Cursor
    $orderBy: [CustomerOrder!]
    $where: CustomerWhereInput
  ) {
    customers(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, where: $where) {
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
          ...CustomerRowFields
        }
      }
    }
  }
`);

/** Learns row cursors without loading rows, to jump to a page far from any known cursor. */
export const CustomerCursorsQuery = graphql(`
  query CustomerCursors($first: Int!, $after: Cursor, $orderBy: [CustomerOrder!], $where: CustomerWhereInput) {
    customers(first: $first, after: $after, orderBy: $orderBy, where: $where) {
      totalCount
      edges {
        cursor
      }
    }
  }
`);

/** The partner's customer managers, for the manager filter and the assign action. */
export const CustomerManagersQuery = graphql(`
  query CustomerManagers {
    users(first: 100, where: { role: CUSTOMER_MANAGER }) {
      edges {
        node {
          id
          displayName
        }
      }
    }
  }
`);

export const AssignCustomerManagerMutation = graphql(`
  mutation AssignCustomerManager($input: AssignCustomerManagerInput!) {
    assignCustomerManager(input: $input) {
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

export const BatchAllocateBalanceMutation = graphql(`
  mutation BatchAllocateBalance($input: BatchAllocateBalanceInput!, $idempotencyKey: String!) {
    batchAllocateBalance(input: $input, idempotencyKey: $idempotencyKey) {
      succeeded
      failed
      results {
        id
        ok
        code
        reason
        message
      }
      journals {
        ...MoneyMoveFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CustomerDetailQuery = graphql(`
  query CustomerDetail($id: ID!) {
    node(id: $id) {
      __typename
      ... on Customer {
        ...CustomerRowFields
        remark
        updatedAt
        gracePeriodDays
        managerAssignedAt
        partner {
          kind
        }
      }
    }
  }
`);

export const CustomerAssociationEventsQuery = graphql(`
  query CustomerAssociationEvents($id: ID!, $first: Int, $after: Cursor, $last: Int, $before: Cursor) {
    node(id: $id) {
      __typename
      ... on Customer {
        id
        associationEvents(
          first: $first
          after: $after
          last: $last
          before: $before
          orderBy: { field: CREATED_AT, direction: DESC }
        ) {
          totalCount
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
            }
          }
        }
      }
    }
  }
`);

export const CustomerManagerAssignmentsQuery = graphql(`
  query CustomerManagerAssignments($id: ID!, $first: Int, $after: Cursor, $last: Int, $before: Cursor) {
    node(id: $id) {
      __typename
      ... on Customer {
        id
        managerAssignments(
          first: $first
          after: $after
          last: $last
          before: $before
          orderBy: { field: ASSIGNED_AT, direction: DESC }
        ) {
          totalCount
          edges {
            cursor
            node {
              id
              assignedAt
              endedAt
              assignedByName
              manager {
                id
                displayName
              }
            }
          }
        }
      }
    }
  }
`);

export const CustomerJournalsQuery = graphql(`
  query CustomerJournals($customerID: ID!, $first: Int, $after: Cursor, $last: Int, $before: Cursor) {
    journals(
      first: $first
      after: $after
      last: $last
      before: $before
      where: { customerID: $customerID }
      orderBy: { field: CREATED_AT, direction: DESC }
    ) {
      totalCount
      edges {
        cursor
        node {
          id
          createdAt
          kind
          amount
          transactionNo
          operatorName
          reason
        }
      }
    }
  }
`);

export const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      customer {
        id
        label
        remark
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const AllocateBalanceMutation = graphql(`
  mutation AllocateBalance($input: AllocateBalanceInput!, $idempotencyKey: String!) {
    allocateBalance(input: $input, idempotencyKey: $idempotencyKey) {
      journal {
        ...MoneyMoveFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReclaimBalanceMutation = graphql(`
  mutation ReclaimBalance($input: AllocateBalanceInput!, $idempotencyKey: String!) {
    reclaimBalance(input: $input, idempotencyKey: $idempotencyKey) {
      journal {
        ...MoneyMoveFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SwitchAssociationTypeMutation = graphql(`
  mutation SwitchAssociationType($input: SwitchAssociationTypeInput!) {
    switchAssociationType(input: $input) {
      customer {
        id
        associationType
        gracePeriodDays
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const SetCustomerFrozenMutation = graphql(`
  mutation SetCustomerFrozen($input: SetCustomerFrozenInput!) {
    setCustomerFrozen(input: $input) {
      customer {
        id
        frozen
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const RequestDisassociationMutation = graphql(`
  mutation RequestDisassociation($input: RequestDisassociationInput!) {
    requestDisassociation(input: $input) {
      event {
        id
        status
        kind
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const CheckCustomerRegistrationQuery = graphql(`
  query CheckCustomerRegistration($accountName: String, $mobile: String, $email: String) {
    checkCustomerRegistration(accountName: $accountName, mobile: $mobile, email: $email) {
      field
      valid
      available
      message
    }
  }
`);

export const SendVerificationCodeMutation = graphql(`
  mutation SendVerificationCode($mobile: String!) {
    sendVerificationCode(mobile: $mobile) {
      expiresAt
      userErrors { ...UserErrorFields }
    }
  }
`);

export const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      customer {
        id
      }
      userErrors { ...UserErrorFields }
    }
  }
`);
