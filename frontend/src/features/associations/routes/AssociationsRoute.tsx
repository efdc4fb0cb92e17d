// Route entry for /associations (lazy-loaded).
import { AssociationsView } from '../views/AssociationsView';

export default function AssociationsRoute() {
  return <AssociationsView />;
}
