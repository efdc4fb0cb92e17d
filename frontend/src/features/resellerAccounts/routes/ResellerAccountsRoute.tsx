// Route entry for /reseller-accounts (lazy-loaded).
import { ResellerAccountsView } from '../views/ResellerAccountsView';

export default function ResellerAccountsRoute() {
  return <ResellerAccountsView />;
}
