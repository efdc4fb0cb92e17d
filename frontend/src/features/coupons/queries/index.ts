// Operations of the coupons feature (券管理, DOMAIN.md §4): quotas, issued coupons, their records,
// the government partners' whitelist and the customer's own coupons.
import { graphql } from '../../../gql';

/** A limit as quotas and coupons carry it. */
export const CouponLimitFields = graphql(`
  fragment CouponLimitFields on CouponLimit {
    id
    limitKey
    value
  }
`);

/** A quota as the lists show it. */
export const CouponQuotaRowFields = graphql(`
  fragment CouponQuotaRowFields on CouponQuota {
    id
    createdAt
    kind
    partnerID
    partnerName
    parentQuotaID
    value
    balance
    status
    validFrom
    validUntil
    limits {
      ...CouponLimitFields
    }
  }
`);

export const CouponQuotasQuery = graphql(`
  query CouponQuotas($first: Int, $after: Cursor, $last: Int, $before: Cursor, $where: CouponQuotaWhereInput) {
    couponQuotas(
      first: $first
      after: $after
      last: $last
      before: $before
      where: $where
      orderBy: { field: CREATED_AT, direction: DESC }
    ) {
      totalCount
      edges {
        cursor
        node {
          ...CouponQuotaRowFields
        }
      }
    }
  }
`);

/** A coupon as the issued list shows it (the remark only reaches the issuer's staff). */
export const CouponRowFields = graphql(`
  fragment CouponRowFields on Coupon {
    id
    createdAt
    kind
    quotaID
    customerID
    faceValue
    balance
    validFrom
    validUntil
    status
    designatedCustomerID
    remark
    issuerName
    customer {
      id
      accountName
      name
    }
    limits {
      ...CouponLimitFields
    }
  }
`);

export const CouponsQuery = graphql(`
  query Coupons($first: Int, $after: Cursor, $last: Int, $before: Cursor, $where: CouponWhereInput) {
    coupons(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount
      edges {
        cursor
        node {
          ...CouponRowFields
        }
      }
    }
  }
`);

export const CouponRecordsQuery = graphql(`
  query CouponRecords($first: Int, $after: Cursor, $last: Int, $before: Cursor, $where: CouponRecordWhereInput) {
    couponRecords(
      first: $first
      after: $after
      last: $last
      before: $before
      where: $where
      orderBy: { field: CREATED_AT, direction: DESC }
    ) {
      totalCount
      edges {
        cursor
        node {
          id
          createdAt
          type
          amount
          quotaID
          couponID
          customerID
          customerName
          operatorName
          reason
        }
      }
    }
  }
`);

/** The partner's customers to pick from (issue dialog, filters, whitelist). */
export const CouponCustomerOptionsQuery = graphql(`
  query CouponCustomerOptions($where: CustomerWhereInput) {
    customers(first: 100, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
      totalCount
      edges {
        node {
          id
          accountName
          name
          associationType
        }
      }
    }
  }
`);

/** A distributor's cloud resellers, to issue quota to. */
export const CouponResellerOptionsQuery = graphql(`
  query CouponResellerOptions {
    partners(first: 100, where: { kind: CLOUD_RESELLER }, orderBy: [{ field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** Partners the platform may grant quota to. */
export const CouponGrantPartnersQuery = graphql(`
  query CouponGrantPartners {
    partners(first: 100, orderBy: [{ field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

/** Whether the viewer's partner requires step-up verification (shown as a hint in dialogs). */
export const CouponStepUpQuery = graphql(`
  query CouponStepUp {
    viewer {
      partner {
        id
        requireStepUp
      }
    }
  }
`);

export const IssueCouponsMutation = graphql(`
  mutation IssueCoupons($input: IssueCouponsInput!, $idempotencyKey: String!) {
    issueCoupons(input: $input, idempotencyKey: $idempotencyKey) {
      coupons {
        id
        customerID
        faceValue
        balance
        status
      }
      results {
        id
        ok
        code
        reason
        message
      }
      succeeded
      failed
      userErrors { ...UserErrorFields }
    }
  }
`);

export const ReclaimCouponsMutation = graphql(`
  mutation ReclaimCoupons($input: ReclaimCouponsInput!, $idempotencyKey: String!) {
    reclaimCoupons(input: $input, idempotencyKey: $idempotencyKey) {
      reclaims {
        amount
        coupon {
          id
          status
          balance
        }
      }
      total
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

export const ReissueCouponMutation = graphql(`
  mutation ReissueCoupon($input: ReissueCouponInput!, $idempotencyKey: String!) {
    reissueCoupon(input: $input, idempotencyKey: $idempotencyKey) {
      coupon {
        id
        status
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const IssueQuotaToResellersMutation = graphql(`
  mutation IssueQuotaToResellers($input: IssueQuotaToResellersInput!, $idempotencyKey: String!) {
    issueQuotaToResellers(input: $input, idempotencyKey: $idempotencyKey) {
      quotas {
        id
        partnerID
        value
      }
      results {
        id
        ok
        code
        reason
        message
      }
      succeeded
      failed
      userErrors { ...UserErrorFields }
    }
  }
`);

export const ReclaimResellerQuotaMutation = graphql(`
  mutation ReclaimResellerQuota($input: ReclaimResellerQuotaInput!, $idempotencyKey: String!) {
    reclaimResellerQuota(input: $input, idempotencyKey: $idempotencyKey) {
      quota {
        id
        status
        balance
      }
      reclaimed
      userErrors { ...UserErrorFields }
    }
  }
`);

export const GrantCouponQuotaMutation = graphql(`
  mutation GrantCouponQuota($input: GrantCouponQuotaInput!, $idempotencyKey: String!) {
    grantCouponQuota(input: $input, idempotencyKey: $idempotencyKey) {
      quota {
        ...CouponQuotaRowFields
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const AdjustCouponQuotaMutation = graphql(`
  mutation AdjustCouponQuota($input: AdjustCouponQuotaInput!, $idempotencyKey: String!) {
    adjustCouponQuota(input: $input, idempotencyKey: $idempotencyKey) {
      quota {
        ...CouponQuotaRowFields
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const SetCouponQuotaStatusMutation = graphql(`
  mutation SetCouponQuotaStatus($input: SetCouponQuotaStatusInput!, $idempotencyKey: String!) {
    setCouponQuotaStatus(input: $input, idempotencyKey: $idempotencyKey) {
      quota {
        ...CouponQuotaRowFields
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const CustomerWhitelistsQuery = graphql(`
  query CustomerWhitelists($first: Int, $after: Cursor, $last: Int, $before: Cursor) {
    customerWhitelists(first: $first, after: $after, last: $last, before: $before, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount
      edges {
        cursor
        node {
          id
          createdAt
          customerID
          customer {
            id
            accountName
            name
            associationType
          }
        }
      }
    }
  }
`);

export const AddToWhitelistMutation = graphql(`
  mutation AddToWhitelist($input: WhitelistInput!) {
    addToWhitelist(input: $input) {
      entries {
        id
        customerID
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const RemoveFromWhitelistMutation = graphql(`
  mutation RemoveFromWhitelist($input: WhitelistInput!) {
    removeFromWhitelist(input: $input) {
      entries {
        id
        customerID
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

/** The signed-in customer's coupons (never a remark: it is not even asked for). */
export const MyCouponsQuery = graphql(`
  query MyCoupons($kind: CouponKind, $status: CouponStatus) {
    myCoupons(kind: $kind, status: $status) {
      id
      kind
      faceValue
      balance
      validFrom
      validUntil
      status
      issuerName
      limits {
        ...CouponLimitFields
      }
    }
  }
`);

/** The customer's landing page: its balances. */
export const CustomerHomeQuery = graphql(`
  query CustomerHome {
    viewer {
      customer {
        id
        accountName
        name
        allocatedBalance
        ownBalance
        associationType
        partner {
          id
          name
        }
      }
    }
  }
`);

/** A quota's own operation records (granted, issued to a reseller, adjusted...), shown when its row is expanded. */
export const CouponQuotaRecordsQuery = graphql(`
  query CouponQuotaRecords($id: ID!) {
    node(id: $id) {
      __typename
      ... on CouponQuota {
        id
        records(first: 20) {
          id
          createdAt
          type
          amount
          customerName
          operatorName
          reason
        }
      }
    }
  }
`);
