// Which key profile a job's command uses, and why. CircleCI lists the keys it installed for the user
// who started the rerun ("Authorized keys:"), so a profile whose fingerprint is among them is the one
// that will work: that beats any rule. Otherwise the most specific project rule, else the default.

import { type CommandSettings, hostKeyAlias } from '../command/ssh-command';
import type { KeyProfile, Prefs } from './prefs';
import { matchRule } from './project-rules';

export type KeyReason =
  | { readonly kind: 'fingerprint' }
  | { readonly kind: 'rule'; readonly pattern: string }
  | { readonly kind: 'default' }
  | { readonly kind: 'none' };

export interface KeyChoice {
  readonly profile?: KeyProfile;
  readonly reason: KeyReason;
  /** The chosen profile's fingerprint is known and CircleCI did not install that key. */
  readonly notAuthorized: boolean;
}

/**
 * @param project the job's normalised project pattern (`github/acme/api`), if known
 * @param authorized the `SHA256:…` fingerprints CircleCI printed under "Authorized keys:"
 */
export function chooseKey(prefs: Prefs, project: string | undefined, authorized: readonly string[]): KeyChoice {
  const byFingerprint = prefs.profiles.filter(
    (profile) => profile.fingerprint && authorized.includes(profile.fingerprint),
  );
  if (byFingerprint.length === 1 && byFingerprint[0]) {
    return { profile: byFingerprint[0], reason: { kind: 'fingerprint' }, notAuthorized: false };
  }
  const rule = matchRule(prefs.rules, project);
  const ruleProfile = rule && prefs.profiles.find((profile) => profile.id === rule.profileId);
  const [profile, reason]: [KeyProfile | undefined, KeyReason] = ruleProfile
    ? [ruleProfile, { kind: 'rule', pattern: rule.pattern }]
    : [prefs.profiles.find((candidate) => candidate.id === prefs.defaultProfileId), { kind: 'default' }];
  if (!profile) return { reason: { kind: 'none' }, notAuthorized: false };
  const notAuthorized =
    authorized.length > 0 && profile.fingerprint !== undefined && !authorized.includes(profile.fingerprint);
  return { profile, reason, notAuthorized };
}

/** How a job's command is built: the chosen key, the user's shell and toggles, a host key alias per box. */
export function commandSettings(prefs: Prefs, choice: KeyChoice, page: JobBox): CommandSettings {
  return {
    shell: prefs.shell,
    options: prefs.options,
    ...(choice.profile ? { keyPath: choice.profile.keyPath } : {}),
    ...(page.project ? { hostKeyAlias: hostKeyAlias(page.project, page.jobNumber, page.container) } : {}),
  };
}

export interface JobBox {
  /** The job's project pattern, if known. */
  readonly project: string | undefined;
  readonly jobNumber: number;
  readonly container: number;
}

/** None of the user's keys with a known fingerprint is among those CircleCI installed. */
export function noOwnKeyAuthorized(prefs: Prefs, authorized: readonly string[]): boolean {
  const known = prefs.profiles.filter((profile) => profile.fingerprint !== undefined);
  return (
    authorized.length > 0 &&
    known.length > 0 &&
    !known.some((profile) => authorized.includes(profile.fingerprint ?? ''))
  );
}
