// Route entry for /customers (lazy-loaded). A customer's own user has no customer list: the
// console's home sends it to the association records instead.
import { Navigate } from 'react-router';
import { CustomersView } from '../views/CustomersView';
import { useViewer } from '../../auth/viewer';
import { ASSOCIATIONS_PATH } from '../../../app/paths';

export default function CustomersRoute() {
  const viewer = useViewer();
  if (viewer.role === 'CUSTOMER') return <Navigate to={ASSOCIATIONS_PATH} replace />;
  return <CustomersView />;
}
