// Route entry for /customers/:id (lazy-loaded).
import { CustomerDetailView } from '../views/CustomerDetailView';

export default function CustomerDetailRoute() {
  return <CustomerDetailView />;
}
