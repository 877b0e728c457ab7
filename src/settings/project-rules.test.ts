import { describe, expect, it } from 'vitest';
import { describePattern, matchRule, parseRulePattern, projectPattern } from './project-rules';

describe('parseRulePattern', () => {
  it.each([
    ['github/acme', 'github/acme'],
    ['gh/Acme', 'github/acme'],
    ['github/acme/*', 'github/acme'],
    [' github/Acme/API/ ', 'github/acme/api'],
    ['bb/team', 'bitbucket/team'],
    ['bitbucket/team/web', 'bitbucket/team/web'],
    ['circleci/GM1mbrQEWnNbzLKEnotDo4', 'circleci/GM1mbrQEWnNbzLKEnotDo4'],
    [
      'circleci/GM1mbrQEWnNbzLKEnotDo4/5gh9pgQgohHwicwomY5nYQ',
      'circleci/GM1mbrQEWnNbzLKEnotDo4/5gh9pgQgohHwicwomY5nYQ',
    ],
  ])('%j → %s', (input, pattern) => {
    expect(parseRulePattern(input)).toBe(pattern);
  });

  it.each([
    '',
    'github',
    'gitlab/acme',
    'github/acme/api/extra',
    'github//api',
    'github/ac me',
    'github/../x',
    'github/acme?x',
  ])('refuses %j', (input) => {
    expect(parseRulePattern(input)).toBeUndefined();
  });
});

describe('matchRule', () => {
  const rules = [
    { pattern: 'github/acme', profileId: 'work' },
    { pattern: 'github/acme/api', profileId: 'api' },
    { pattern: 'circleci/GM1mbrQEWnNbzLKEnotDo4', profileId: 'client' },
  ];

  it('prefers the project rule over the organisation rule, whatever their order', () => {
    expect(matchRule(rules, 'github/acme/api')?.profileId).toBe('api');
    expect(matchRule([...rules].reverse(), 'github/acme/api')?.profileId).toBe('api');
    expect(matchRule(rules, 'github/acme/web')?.profileId).toBe('work');
    expect(matchRule(rules, 'circleci/GM1mbrQEWnNbzLKEnotDo4/5gh9')?.profileId).toBe('client');
    expect(matchRule(rules, 'circleci/gm1mbrqewnnbzlkenotdo4/5gh9')).toBeUndefined();
    expect(matchRule(rules, 'github/other/api')).toBeUndefined();
    expect(matchRule(rules, undefined)).toBeUndefined();
  });

  it('matches job pages by their normalised project', () => {
    expect(projectPattern({ vcs: 'gh', org: 'Acme', project: 'API' })).toBe('github/acme/api');
    expect(matchRule(rules, projectPattern({ vcs: 'gh', org: 'Acme', project: 'API' }))?.profileId).toBe('api');
  });

  it('shows organisation rules with /*', () => {
    expect(describePattern('github/acme')).toBe('github/acme/*');
    expect(describePattern('github/acme/api')).toBe('github/acme/api');
  });
});
