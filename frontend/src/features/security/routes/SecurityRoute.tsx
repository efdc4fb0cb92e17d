// Route entry for /security (lazy-loaded).
import { SecurityView } from '../views/SecurityView';

export default function SecurityRoute() {
  return <SecurityView />;
}
