import { describe, expect, it } from 'vitest';
import { DETAILS_URL, fakeFetch, JOB, json, ORIGIN, options } from '../test/api-answers';
import { fetchJobSsh } from './api';
import { apiOrigin, buildDetailsUrl } from './api-address';

describe('apiOrigin', () => {
  it.each([
    ['app.circleci.com', 'https://circleci.com'],
    ['circleci.com', 'https://circleci.com'],
    ['app.ci.example.com', 'https://ci.example.com'],
    ['APP.CI.Example.com', 'https://ci.example.com'],
  ])('%s → %s', (host, origin) => {
    expect(apiOrigin(host)).toBe(origin);
  });

  it.each(['example.com', 'app.com', 'app.', 'app.-bad.example.com', 'ci.app.example.com', 'app.1.2.3.4', ''])(
    'refuses %j',
    (host) => {
      expect(apiOrigin(host)).toBeUndefined();
    },
  );
});

describe('buildDetailsUrl', () => {
  it('names the VCS in full and encodes every path segment', () => {
    expect(buildDetailsUrl(ORIGIN, JOB)).toBe(DETAILS_URL);
    expect(buildDetailsUrl(ORIGIN, { ...JOB, vcs: 'bb' })).toBe(
      'https://circleci.com/api/v1.1/project/bitbucket/acme/api/116',
    );
    expect(buildDetailsUrl(ORIGIN, { ...JOB, vcs: 'bitbucket', org: 'a/b c', project: '..' })).toBe(
      'https://circleci.com/api/v1.1/project/bitbucket/a%2Fb%20c/../116',
    );
    expect(
      buildDetailsUrl(ORIGIN, { vcs: 'circleci', org: 'GM1mbrQEWnNbzLKEnotDo4', project: 'p?x#y', jobNumber: 7 }),
    ).toBe('https://circleci.com/api/v1.1/project/circleci/GM1mbrQEWnNbzLKEnotDo4/p%3Fx%23y/7');
  });

  it.each([
    { ...JOB, vcs: 'gitlab' },
    { ...JOB, vcs: '__proto__' },
    { ...JOB, jobNumber: 0 },
    { ...JOB, jobNumber: 1.5 },
    { ...JOB, org: '' },
  ])('refuses %j', (job) => {
    expect(buildDetailsUrl(ORIGIN, job)).toBeUndefined();
  });

  it('makes no request for a job it cannot name', async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    expect(await fetchJobSsh({ ...JOB, vcs: 'gitlab' }, options(fetch))).toEqual({ ok: false, problem: 'not-found' });
    expect(calls).toHaveLength(0);
  });
});
