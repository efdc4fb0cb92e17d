// Route entry for /api-keys (lazy-loaded).
import { ApiKeysView } from '../views/ApiKeysView';

export default function ApiKeysRoute() {
  return <ApiKeysView />;
}
