// Route entry for /coupons (lazy-loaded).
import { CouponsView } from '../views/CouponsView';

export default function CouponsRoute() {
  return <CouponsView />;
}
