// Operations of the partner account page and the distributor's reseller accounts page.
import { graphql } from '../../../gql';

export const AccountBalanceQuery = graphql(`
  query AccountBalance {
    viewer {
      partner {
        id
        kind
        requireStepUp
        account {
          id
          balance
          updatedAt
        }
      }
    }
  }
`);

export const JournalsQuery = graphql(`
  query Journals($first: Int, $after: Cursor, $last: Int, $before: Cursor, $where: JournalWhereInput) {
    journals(
      first: $first
      after: $after
      last: $last
      before: $before
      orderBy: { field: CREATED_AT, direction: DESC }
      where: $where
    ) {
      totalCount
      edges {
        cursor
        node {
          id
          transactionNo
          kind
          amount
          customerID
          customer {
            id
            name
          }
          operatorName
          reason
          createdAt
        }
      }
    }
  }
`);

export const StatementQuery = graphql(`
  query Statement($first: Int, $after: Cursor, $last: Int, $before: Cursor, $where: LedgerEntryWhereInput) {
    viewer {
      partner {
        id
        account {
          id
          entries(
            first: $first
            after: $after
            last: $last
            before: $before
            orderBy: { field: CREATED_AT, direction: DESC }
            where: $where
          ) {
            totalCount
            edges {
              cursor
              node {
                id
                createdAt
                amount
                balanceAfter
                journal {
                  id
                  transactionNo
                  kind
                }
              }
            }
          }
        }
      }
    }
  }
`);

export const RechargeOnlineMutation = graphql(`
  mutation RechargeOnline($input: AmountInput!, $idempotencyKey: String!) {
    rechargeOnline(input: $input, idempotencyKey: $idempotencyKey) {
      journal {
        ...MoneyMoveFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ResellerAccountsQuery = graphql(`
  query ResellerAccounts($first: Int, $after: Cursor, $last: Int, $before: Cursor) {
    partners(
      first: $first
      after: $after
      last: $last
      before: $before
      where: { kind: CLOUD_RESELLER }
      orderBy: [{ field: NAME, direction: ASC }]
    ) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          createdAt
          account {
            id
            balance
          }
        }
      }
    }
  }
`);

export const AllocateToResellerMutation = graphql(`
  mutation AllocateToReseller($input: ResellerTransferInput!, $idempotencyKey: String!) {
    allocateToReseller(input: $input, idempotencyKey: $idempotencyKey) {
      journal {
        ...MoneyMoveFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReclaimFromResellerMutation = graphql(`
  mutation ReclaimFromReseller($input: ResellerTransferInput!, $idempotencyKey: String!) {
    reclaimFromReseller(input: $input, idempotencyKey: $idempotencyKey) {
      journal {
        ...MoneyMoveFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
