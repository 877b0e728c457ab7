import { describe, expect, it } from 'vitest';
import { parseJobPage, visitKey } from './page-detect';

const WF = '9bbc6a4b-4b4f-4f7e-9a53-5d1c4d3e2f10';

describe('parseJobPage', () => {
  it.each([
    [
      `https://app.circleci.com/pipelines/github/acme/api/42/workflows/${WF}/jobs/101`,
      { vcs: 'github', org: 'acme', project: 'api', jobNumber: 101 },
    ],
    [
      `https://app.circleci.com/pipelines/gh/acme/api/42/workflows/${WF}/jobs/101/`,
      { vcs: 'gh', org: 'acme', project: 'api', jobNumber: 101 },
    ],
    [
      `https://app.circleci.com/pipelines/bitbucket/team/web/7/workflows/${WF}/jobs/470/parallel-runs/3`,
      { vcs: 'bitbucket', org: 'team', project: 'web', jobNumber: 470, container: 3 },
    ],
    [
      `https://app.circleci.com/pipelines/github/acme/api/42/workflows/${WF}/jobs/470/parallel-runs/0/steps/0-102`,
      { vcs: 'github', org: 'acme', project: 'api', jobNumber: 470, container: 0 },
    ],
    [
      `https://app.circleci.com/pipelines/circleci/GM1mbrQEWnNbzLKEnotDo4/5gh9pgQgohHwicwomY5nYQ/123/workflows/${WF}/jobs/9`,
      { vcs: 'circleci', org: 'GM1mbrQEWnNbzLKEnotDo4', project: '5gh9pgQgohHwicwomY5nYQ', jobNumber: 9 },
    ],
    [
      'https://app.circleci.com/jobs/github/circleci/circleci-docs/49636',
      { vcs: 'github', org: 'circleci', project: 'circleci-docs', jobNumber: 49636 },
    ],
    [
      `https://app.circleci.com/pipelines/github/acme/my%20repo/42/workflows/${WF}/jobs/5?foo=bar#x`,
      { vcs: 'github', org: 'acme', project: 'my repo', jobNumber: 5 },
    ],
  ])('new UI: %s', (url, page) => {
    expect(parseJobPage(url)).toEqual({ ui: 'app', ...page });
  });

  it.each([
    ['https://circleci.com/gh/acme/api/55', { vcs: 'gh', org: 'acme', project: 'api', jobNumber: 55 }],
    [
      'https://circleci.com/bb/team/web/55#build-timing/containers/2',
      { vcs: 'bb', org: 'team', project: 'web', jobNumber: 55, container: 2 },
    ],
    [
      'https://circleci.com/gh/acme/api/55#tests/containers/4/actions/101',
      { vcs: 'gh', org: 'acme', project: 'api', jobNumber: 55, container: 4 },
    ],
    [
      `https://circleci.com/gh/acme/api/workflows/${WF}/jobs/12`,
      { vcs: 'gh', org: 'acme', project: 'api', jobNumber: 12 },
    ],
  ])('legacy UI: %s', (url, page) => {
    expect(parseJobPage(url)).toEqual({ ui: 'legacy', ...page });
  });

  it.each([
    'https://app.circleci.com/pipelines/github/acme/api',
    `https://app.circleci.com/pipelines/github/acme/api/42/workflows/${WF}`,
    'https://app.circleci.com/settings/user/job-ssh-keys',
    `http://app.circleci.com/pipelines/github/acme/api/42/workflows/${WF}/jobs/101`,
    `https://app.circleci.com.evil.example/pipelines/github/acme/api/42/workflows/${WF}/jobs/101`,
    `https://evil.example/pipelines/github/acme/api/42/workflows/${WF}/jobs/101`,
    'https://circleci.com/gh/acme',
    'https://circleci.com/docs/ssh-access-jobs/',
    `https://app.circleci.com/pipelines/gitlab/acme/api/42/workflows/${WF}/jobs/101`,
  ])('not a job page: %s', (url) => {
    expect(parseJobPage(url)).toBeUndefined();
  });
});

describe('CircleCI server', () => {
  it('reads job pages on the app hosts it is given, and only those', () => {
    const url = `https://app.ci.example.com/pipelines/github/acme/api/42/workflows/${WF}/jobs/7`;
    expect(parseJobPage(url)).toBeUndefined();
    expect(parseJobPage(url, ['app.circleci.com', 'app.ci.example.com'])).toEqual({
      ui: 'app',
      vcs: 'github',
      org: 'acme',
      project: 'api',
      jobNumber: 7,
    });
  });
});

describe('visitKey', () => {
  const job = `https://app.circleci.com/pipelines/github/acme/api/42/workflows/${WF}/jobs/101`;

  it('is the same across steps of one run and differs between runs and jobs', () => {
    expect(visitKey(`${job}/parallel-runs/1/steps/1-102`)).toBe(visitKey(`${job}/parallel-runs/1/steps/1-103`));
    expect(visitKey(`${job}/parallel-runs/1`)).not.toBe(visitKey(`${job}/parallel-runs/2`));
    expect(visitKey(job)).not.toBe(visitKey(job.replace('/jobs/101', '/jobs/102')));
    expect(visitKey('https://circleci.com/gh/acme/api/55#x/containers/1')).not.toBe(
      visitKey('https://circleci.com/gh/acme/api/55#x/containers/2'),
    );
  });
});

describe("the content features' test URLs", () => {
  const features = import.meta.glob<{ TEST_URLS: readonly string[] }>('../content/features/*.{ts,tsx}', {
    eager: true,
  });

  it.each(Object.entries(features))('%s names job pages only', (_, { TEST_URLS }) => {
    expect(TEST_URLS.length).toBeGreaterThan(0);
    for (const url of TEST_URLS) expect(parseJobPage(url), url).toBeDefined();
  });
});
