// Which CircleCI page a URL is, and which parallel container it shows (docs/circleci-page.md#urls:
// #u1-job-urls to #u4-legacy-urls). Pure, so every URL shape is unit-tested.

export interface JobPage {
  readonly ui: 'app' | 'legacy';
  /** `github`, `bitbucket`, `gh`, `bb`, or `circleci` for GitHub App and GitLab projects. */
  readonly vcs: string;
  readonly org: string;
  readonly project: string;
  readonly jobNumber: number;
  /** The parallel run the URL names, if it names one. */
  readonly container?: number;
}

const PROJECT = '(?<vcs>github|bitbucket|gh|bb|circleci)/(?<org>[^/]+)/(?<project>[^/]+)';
const JOB = '(?<job>[0-9]{1,9})';
const RUN = `(?:/parallel-runs/(?<container>[0-9]{1,9}))?(?:/steps/[^/]+)?/?$`;

const APP_JOB_PATHS = [
  new RegExp(`^/pipelines/${PROJECT}/[0-9]{1,9}/workflows/[^/]+/jobs/${JOB}${RUN}`),
  new RegExp(`^/jobs/${PROJECT}/${JOB}${RUN}`),
];
const LEGACY_PROJECT = '(?<vcs>gh|bb)/(?<org>[^/]+)/(?<project>[^/]+)';
const LEGACY_JOB_PATHS = [
  new RegExp(`^/${LEGACY_PROJECT}/${JOB}/?$`),
  new RegExp(`^/${LEGACY_PROJECT}/workflows/[^/]+/jobs/${JOB}/?$`),
];
// Legacy UI fragment: `#<tab>/containers/<n>[/actions/<step>]`.
const LEGACY_CONTAINER = /\/containers\/(?<container>[0-9]{1,9})(?:\/|$)/;

/** More parallel containers than any plan allows: a page, message or API answer that names more is not believed. */
export const MAX_CONTAINERS = 256;

/** Where CircleCI's web app runs; self-hosted servers add their own `app.<domain>`. */
export const CLOUD_APP_HOST = 'app.circleci.com';

export function parseJobPage(href: string, appHosts: readonly string[] = [CLOUD_APP_HOST]): JobPage | undefined {
  const url = new URL(href);
  if (url.protocol !== 'https:') return undefined;
  const legacy = url.hostname === 'circleci.com';
  if (!legacy && !appHosts.includes(url.hostname)) return undefined;

  const match = (legacy ? LEGACY_JOB_PATHS : APP_JOB_PATHS)
    .map((pattern) => pattern.exec(url.pathname))
    .find((found) => found !== null)?.groups;
  if (!match) return undefined;

  const container = legacy ? LEGACY_CONTAINER.exec(url.hash)?.groups?.container : match.container;
  return {
    ui: legacy ? 'legacy' : 'app',
    vcs: match.vcs ?? '',
    org: decodeURIComponent(match.org ?? ''),
    project: decodeURIComponent(match.project ?? ''),
    jobNumber: Number(match.job),
    ...(container === undefined ? {} : { container: Number(container) }),
  };
}

/**
 * What identifies one visit of a page for the lifecycle: moving between steps (`/steps/0-102`) is the
 * same visit; another job or parallel run is a new one.
 */
export function visitKey(href: string, appHosts?: readonly string[]): string {
  const page = parseJobPage(href, appHosts);
  if (!page) {
    const url = new URL(href);
    return `${url.origin}${url.pathname}`;
  }
  return [page.ui, page.vcs, page.org, page.project, page.jobNumber, page.container ?? ''].join('/');
}
