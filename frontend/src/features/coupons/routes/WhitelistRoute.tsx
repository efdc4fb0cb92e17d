// Route entry (lazy-loaded).
import { WhitelistView } from '../views/WhitelistView';

export default function WhitelistRoute() {
  return <WhitelistView />;
}
