/** What the HTTP features receive from the composition root. */
import type { LoginGuard } from '../core/auth';
import type { Core } from '../core/context';
import type { JobRunner } from '../jobs/runner';

export interface HttpDeps {
  core: Core;
  loginGuard: LoginGuard;
  jobs: JobRunner;
  /** Extra readiness checks contributed by features (e.g. data dir writable). */
  readinessChecks: Array<() => string | null>;
}
