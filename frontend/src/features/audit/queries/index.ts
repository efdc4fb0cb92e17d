// Operations of the audit log page.
import { graphql } from '../../../gql';

export const AuditLogsQuery = graphql(`
  query AuditLogs($first: Int, $after: Cursor, $last: Int, $before: Cursor, $where: AuditLogWhereInput) {
    auditLogs(
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
          action
          outcome
          actorName
          targetType
          targetID
          sensitiveField
          reason
          detail
          remoteAddr
          requestID
        }
      }
    }
  }
`);
