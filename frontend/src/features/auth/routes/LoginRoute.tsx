// Route entry for /login (lazy-loaded).
import { LoginView } from '../views/LoginView';

export default function LoginRoute() {
  return <LoginView />;
}
