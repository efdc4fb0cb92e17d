// Route entry for /background-jobs (lazy-loaded).
import { BackgroundJobsView } from '../views/BackgroundJobsView';

export default function BackgroundJobsRoute() {
  return <BackgroundJobsView />;
}
