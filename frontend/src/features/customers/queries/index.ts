// Operations of the customers feature.
import { graphql } from '../../../gql';

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
          id
          accountName
          name
          mobile
          email
          provinceCode
          cityCode
          label
          associationType
          createdAt
          partner {
            id
            name
          }
          manager {
            id
            displayName
          }
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
