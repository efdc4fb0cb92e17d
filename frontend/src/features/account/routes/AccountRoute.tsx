// Route entry for /account (lazy-loaded).
import { AccountView } from '../views/AccountView';

export default function AccountRoute() {
  return <AccountView />;
}
