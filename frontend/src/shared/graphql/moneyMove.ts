// What the SPA shows after a money mutation (recharge, allocate, reclaim, batch allocate, reseller
// transfers): the journal posted.
import { graphql } from '../../gql';

/** The journal fields of a money mutation's answer: spread `...MoneyMoveFields` in its `journal(s)`. */
export const MoneyMoveFields = graphql(`
  fragment MoneyMoveFields on Journal {
    id
    transactionNo
    amount
    customerID
  }
`);
