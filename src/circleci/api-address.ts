// Where CircleCI's API answers for a job: its origin for a web host, the v1.1 build details address,
// and the raw output address the session route reads (docs/circleci-page.md#a1-build-details).

import type { JobRef } from './api';
import { isDnsName } from './ssh-target';

/**
 * The API origin for a CircleCI web host: the cloud app (and the legacy UI on circleci.com) use
 * `https://circleci.com`; a server install serves its UI at `app.<domain>` and its API at
 * `<domain>` (docs/circleci-page.md#a6-api-host). Undefined for anything else.
 */
export function apiOrigin(appHost: string): string | undefined {
  const host = appHost.toLowerCase();
  if (host === 'circleci.com') return 'https://circleci.com';
  const domain = host.startsWith('app.') ? host.slice('app.'.length) : '';
  // A bare top-level name is never an installation; it would only be a typo's way out.
  return domain.includes('.') && isDnsName(domain) ? `https://${domain}` : undefined;
}

// v1.1 names VCS in full. `circleci` (GitHub App and GitLab projects, `circleci/<org-id>/<project-id>`)
// is passed as is: v2 takes that slug, but whether v1.1 does is unverified
// (docs/circleci-page.md#a1-build-details).
const V11_VCS = new Map([
  ['github', 'github'],
  ['gh', 'github'],
  ['bitbucket', 'bitbucket'],
  ['bb', 'bitbucket'],
  ['circleci', 'circleci'],
]);

/** `GET /api/v1.1/project/{vcs}/{org}/{project}/{n}`, or undefined for a job no URL can name. */
export function buildDetailsUrl(origin: string, job: JobRef): string | undefined {
  const vcs = V11_VCS.get(job.vcs);
  if (vcs === undefined || !Number.isSafeInteger(job.jobNumber) || job.jobNumber < 1) return undefined;
  if (job.org === '' || job.project === '') return undefined;
  const path = [vcs, job.org, job.project, String(job.jobNumber)].map(encodeURIComponent).join('/');
  return `${origin}/api/v1.1/project/${path}`;
}

/** `{origin}/api/private/output/raw/{vcs}/{org}/{project}/{n}/output`, to which `/{index}/{step}` is added. */
export function rawOutputBase(origin: string, job: JobRef): string | undefined {
  const details = buildDetailsUrl(origin, job);
  return details?.replace('/api/v1.1/project/', '/api/private/output/raw/').concat('/output');
}
