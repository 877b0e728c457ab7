// Rules that pick a key profile per VCS organisation or project: `github/acme` for a whole org,
// `github/acme/api` for one project, `circleci/<org-id>` for GitHub App and GitLab organisations.
// The most specific rule wins. GitHub and Bitbucket names are case-insensitive; CircleCI's ids are not.

import type { JobPage } from '../circleci/page-detect';

export interface ProjectRule {
  /** Normalised: `vcs/org` or `vcs/org/project`. */
  readonly pattern: string;
  readonly profileId: string;
}

const VCS_NAMES: Record<string, string> = {
  github: 'github',
  gh: 'github',
  bitbucket: 'bitbucket',
  bb: 'bitbucket',
  circleci: 'circleci',
};
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

function normalise(vcs: string, names: readonly string[]): string | undefined {
  const canonical = VCS_NAMES[vcs.toLowerCase()];
  if (!canonical || !names.every((name) => NAME.test(name) && name !== '.' && name !== '..')) return undefined;
  const cased = canonical === 'circleci' ? names : names.map((name) => name.toLowerCase());
  return [canonical, ...cased].join('/');
}

/** `github/acme`, `gh/Acme/api/`, `github/acme/*` → normalised pattern; anything else → undefined. */
export function parseRulePattern(input: string): string | undefined {
  const parts = input
    .trim()
    .replace(/\/\*?$/, '')
    .split('/');
  const [vcs = '', ...names] = parts;
  return names.length === 1 || names.length === 2 ? normalise(vcs, names) : undefined;
}

/** The pattern naming exactly this job's project. */
export function projectPattern(page: Pick<JobPage, 'vcs' | 'org' | 'project'>): string | undefined {
  return normalise(page.vcs, [page.org, page.project]);
}

/** How a rule reads in the UI: org rules end in `/*`. */
export function describePattern(pattern: string): string {
  return pattern.split('/').length === 2 ? `${pattern}/*` : pattern;
}

/** The most specific rule for the project: its own rule, else its organisation's. */
export function matchRule(rules: readonly ProjectRule[], project: string | undefined): ProjectRule | undefined {
  if (!project) return undefined;
  const org = project.split('/').slice(0, 2).join('/');
  return rules.find((rule) => rule.pattern === project) ?? rules.find((rule) => rule.pattern === org);
}
