/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer {\n      role\n      user {\n        id\n        email\n        displayName\n        role\n      }\n      partner {\n        id\n        name\n        kind\n      }\n      customer {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      viewer {\n        role\n        user {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Customers(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $orderBy: [CustomerOrder!]\n    $where: CustomerWhereInput\n  ) {\n    customers(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, where: $where) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          accountName\n          name\n          mobile\n          email\n          provinceCode\n          cityCode\n          label\n          associationType\n          createdAt\n          partner {\n            id\n            name\n          }\n          manager {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.CustomersDocument,
    "\n  query CustomerCursors($first: Int!, $after: Cursor, $orderBy: [CustomerOrder!], $where: CustomerWhereInput) {\n    customers(first: $first, after: $after, orderBy: $orderBy, where: $where) {\n      totalCount\n      edges {\n        cursor\n      }\n    }\n  }\n": typeof types.CustomerCursorsDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      role\n      user {\n        id\n        email\n        displayName\n        role\n      }\n      partner {\n        id\n        name\n        kind\n      }\n      customer {\n        id\n        name\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      viewer {\n        role\n        user {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Customers(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $orderBy: [CustomerOrder!]\n    $where: CustomerWhereInput\n  ) {\n    customers(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, where: $where) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          accountName\n          name\n          mobile\n          email\n          provinceCode\n          cityCode\n          label\n          associationType\n          createdAt\n          partner {\n            id\n            name\n          }\n          manager {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.CustomersDocument,
    "\n  query CustomerCursors($first: Int!, $after: Cursor, $orderBy: [CustomerOrder!], $where: CustomerWhereInput) {\n    customers(first: $first, after: $after, orderBy: $orderBy, where: $where) {\n      totalCount\n      edges {\n        cursor\n      }\n    }\n  }\n": types.CustomerCursorsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      role\n      user {\n        id\n        email\n        displayName\n        role\n      }\n      partner {\n        id\n        name\n        kind\n      }\n      customer {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      role\n      user {\n        id\n        email\n        displayName\n        role\n      }\n      partner {\n        id\n        name\n        kind\n      }\n      customer {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      viewer {\n        role\n        user {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      viewer {\n        role\n        user {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customers(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $orderBy: [CustomerOrder!]\n    $where: CustomerWhereInput\n  ) {\n    customers(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, where: $where) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          accountName\n          name\n          mobile\n          email\n          provinceCode\n          cityCode\n          label\n          associationType\n          createdAt\n          partner {\n            id\n            name\n          }\n          manager {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Customers(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $orderBy: [CustomerOrder!]\n    $where: CustomerWhereInput\n  ) {\n    customers(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, where: $where) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          accountName\n          name\n          mobile\n          email\n          provinceCode\n          cityCode\n          label\n          associationType\n          createdAt\n          partner {\n            id\n            name\n          }\n          manager {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerCursors($first: Int!, $after: Cursor, $orderBy: [CustomerOrder!], $where: CustomerWhereInput) {\n    customers(first: $first, after: $after, orderBy: $orderBy, where: $where) {\n      totalCount\n      edges {\n        cursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerCursors($first: Int!, $after: Cursor, $orderBy: [CustomerOrder!], $where: CustomerWhereInput) {\n    customers(first: $first, after: $after, orderBy: $orderBy, where: $where) {\n      totalCount\n      edges {\n        cursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;