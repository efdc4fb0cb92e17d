// Route entry for /reseller-quotas (lazy-loaded).
import { ResellerQuotasView } from '../views/ResellerQuotasView';

export default function ResellerQuotasRoute() {
  return <ResellerQuotasView />;
}
