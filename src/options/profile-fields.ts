// What the user types for a key profile, checked field by field so each field can say what is wrong
// with it. The rules are prefs.ts's own (readProfile), so what passes here also passes the save.

import { parseFingerprint } from '../command/fingerprint';
import { checkKeyPath } from '../command/key-path';
import type { Shell } from '../command/shell-quote';
import { type KeyProfile, LIMITS, readProfile } from '../settings/prefs';
import type { MessageKey } from '../shared/i18n';
import { KEY_PROBLEMS } from '../ui/problems';

export interface ProfileDraft {
  readonly name: string;
  readonly keyPath: string;
  /** `SHA256:…`, or `ssh-keygen -lf` output pasted as is, or empty. */
  readonly fingerprint: string;
}

export type Field = keyof ProfileDraft;

export interface Problem {
  readonly key: MessageKey;
  readonly substitutions: readonly string[];
}

export interface ProfileCheck {
  /** The profile's fields, normalised, when every field is valid. */
  readonly fields?: Omit<KeyProfile, 'id'>;
  readonly problems: Partial<Record<Field, Problem>>;
}

export const EMPTY_DRAFT: ProfileDraft = { name: '', keyPath: '', fingerprint: '' };

export function draftOf(profile: KeyProfile): ProfileDraft {
  return { name: profile.name, keyPath: profile.keyPath, fingerprint: profile.fingerprint ?? '' };
}

const problem = (key: MessageKey, ...substitutions: string[]): Problem => ({ key, substitutions });

/**
 * @param otherNames the names of the other profiles: two profiles of the same name could not be told
 *   apart in the key pickers
 */
export function checkProfile(draft: ProfileDraft, shell: Shell, otherNames: readonly string[]): ProfileCheck {
  const problems: Partial<Record<Field, Problem>> = {};
  const name = draft.name.trim();
  // A stand-in key path, so that readProfile judges the name alone.
  if (!readProfile({ id: 'name-check', name, keyPath: 'key' }, 'posix')) {
    problems.name = problem('profileNameProblem', String(LIMITS.name));
  } else if (otherNames.some((other) => other.toLowerCase() === name.toLowerCase())) {
    problems.name = problem('profileNameTaken', name);
  }
  const key = checkKeyPath(draft.keyPath, shell);
  if (!key.ok) problems.keyPath = problem(KEY_PROBLEMS[key.problem]);
  else if (key.keyPath === undefined) problems.keyPath = problem('profileKeyPathMissing');
  const fingerprint = draft.fingerprint.trim() === '' ? undefined : parseFingerprint(draft.fingerprint);
  if (draft.fingerprint.trim() !== '' && fingerprint === undefined) {
    problems.fingerprint = problem('profileFingerprintProblem');
  }
  if (Object.keys(problems).length > 0 || !key.ok || key.keyPath === undefined) return { problems };
  return { fields: { name, keyPath: key.keyPath, ...(fingerprint ? { fingerprint } : {}) }, problems };
}

/** Equal as saved: the check trims, and reduces pasted `ssh-keygen` output to the fingerprint. */
export function sameAsSaved(field: Field, text: string, saved: string): boolean {
  const normalised = field === 'fingerprint' ? (parseFingerprint(text) ?? text.trim()) : text.trim();
  return normalised === saved;
}

/**
 * A new profile id: 12 hex digits of a random UUID (48 bits), short because every rule repeats it in
 * the 8 KB that storage.sync allows, and never one already taken.
 */
export function newProfileId(taken: readonly string[], random: () => string = () => crypto.randomUUID()): string {
  for (;;) {
    const id = random().replaceAll('-', '').slice(0, 12);
    if (!taken.includes(id)) return id;
  }
}
