// Route entry (lazy-loaded).
import { MyCouponsView } from '../views/MyCouponsView';

export default function MyCouponsRoute() {
  return <MyCouponsView />;
}
