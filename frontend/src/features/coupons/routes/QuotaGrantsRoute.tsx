// Route entry for /coupon-grants (lazy-loaded).
import { QuotaGrantsView } from '../views/QuotaGrantsView';

export default function QuotaGrantsRoute() {
  return <QuotaGrantsView />;
}
