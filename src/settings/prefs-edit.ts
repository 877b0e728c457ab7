// Edits the popup makes to the preferences, as pure functions so they are tested on their own.

import type { AlertSettings, Prefs } from './prefs';

export const DEFAULT_PROFILE_ID = 'default';

/** The popup's "Default SSH key": sets the default profile's key, creating it; '' means no key. */
export function withDefaultKeyPath(prefs: Prefs, keyPath: string): Prefs {
  const { defaultProfileId: _previous, ...rest } = prefs;
  if (keyPath === '') return rest;
  const current = prefs.profiles.find((profile) => profile.id === prefs.defaultProfileId);
  if (current) {
    const profiles = prefs.profiles.map((profile) => (profile === current ? { ...profile, keyPath } : profile));
    return { ...prefs, profiles };
  }
  // A profile that is only a key path, without a fingerprint, has nothing else worth keeping.
  const reused = prefs.profiles.find((profile) => profile.id === DEFAULT_PROFILE_ID);
  const profile = { ...(reused ?? { id: DEFAULT_PROFILE_ID, name: 'Default' }), keyPath };
  const others = prefs.profiles.filter((candidate) => candidate.id !== DEFAULT_PROFILE_ID);
  return { ...prefs, profiles: [...others, profile], defaultProfileId: profile.id };
}

export function defaultKeyPath(prefs: Prefs): string {
  return prefs.profiles.find((profile) => profile.id === prefs.defaultProfileId)?.keyPath ?? '';
}

/** One of the alert switches (options page, and the popup's notifications toggle). */
export function setAlert(prefs: Prefs, alert: keyof AlertSettings, on: boolean): Prefs {
  return { ...prefs, alerts: { ...prefs.alerts, [alert]: on } };
}
