// What the background answers a job page's SSH panel (the job-ssh and job-ssh-session messages):
// shared by the background that builds these reports and the content script that reads them, so
// neither imports the other (src/test/conventions/layers.test.ts).

import type { ApiProblem, JobSsh } from '../circleci/api';

export interface RememberedContainer {
  readonly container: number;
  readonly enable?: readonly string[];
  readonly wait?: readonly string[];
  /** When this container's Wait for SSH began, as pages showed it: its box's clock (ssh-window.ts). */
  readonly waitStartedAt?: number;
}

export type ApiReport =
  | { readonly state: 'no-token' }
  /** `viewer`: whose token it is, when CircleCI said. */
  | { readonly state: 'ok'; readonly job: JobSsh; readonly viewer?: string }
  | { readonly state: 'error'; readonly problem: ApiProblem; readonly retryAfterMs?: number };

export interface JobSshReport {
  readonly remembered: readonly RememberedContainer[];
  readonly api: ApiReport;
  /** The job this one is the SSH rerun of, when this browser followed it there (reruns.ts). */
  readonly rerunOf?: { readonly jobNumber: number; readonly url: string };
}

export type SessionReport =
  /** Turned off in the options, or a page with no API host. */
  | { readonly state: 'off' }
  /** This API host refused the session this browser session: the panel relies on the other sources. */
  | { readonly state: 'refused' }
  | { readonly state: 'ok'; readonly job: JobSsh }
  | { readonly state: 'error'; readonly problem: ApiProblem };
