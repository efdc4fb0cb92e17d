// Route entry for /customers (lazy-loaded).
import { CustomersView } from '../views/CustomersView';

export default function CustomersRoute() {
  return <CustomersView />;
}
