// Route entry for /customers (lazy-loaded). A customer's own user has no customer list: the
// console sends it to its own account page instead.
import { Navigate } from 'react-router';
import { CustomersView } from '../views/CustomersView';
import { useViewer } from '../../auth/viewer';
import { CUSTOMER_HOME_PATH } from '../../../app/paths';

export default function CustomersRoute() {
  const viewer = useViewer();
  if (viewer.role === 'CUSTOMER') return <Navigate to={CUSTOMER_HOME_PATH} replace />;
  return <CustomersView />;
}
