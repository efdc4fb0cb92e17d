// Route entry (lazy-loaded).
import { CustomerHomeView } from '../views/CustomerHomeView';

export default function CustomerHomeRoute() {
  return <CustomerHomeView />;
}
