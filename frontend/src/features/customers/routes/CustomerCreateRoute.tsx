// Route entry for /customers/new (lazy-loaded).
import { CustomerCreateView } from '../views/CustomerCreateView';

export default function CustomerCreateRoute() {
  return <CustomerCreateView />;
}
