// Route entry for /audit-logs (lazy-loaded).
import { AuditLogView } from '../views/AuditLogView';

export default function AuditLogRoute() {
  return <AuditLogView />;
}
