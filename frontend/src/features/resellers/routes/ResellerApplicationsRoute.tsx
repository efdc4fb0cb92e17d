// Route entry for /reseller-applications (lazy-loaded).
import { ResellerApplicationsView } from '../views/ResellerApplicationsView';

export default function ResellerApplicationsRoute() {
  return <ResellerApplicationsView />;
}
