// The changes the options page makes, as pure functions of the latest stored prefs: a save applies
// them to whatever is stored by then, so an edit never undoes what another page saved meanwhile.

import type { CommandOptions } from '../command/options';
import type { Shell } from '../command/shell-quote';
import type { KeyProfile, Prefs, ServerInstall } from '../settings/prefs';

export function addProfile(prefs: Prefs, profile: KeyProfile): Prefs {
  return { ...prefs, profiles: [...prefs.profiles, profile] };
}

/** Replaces the profile with the same id; one removed meanwhile stays removed. */
export function updateProfile(prefs: Prefs, profile: KeyProfile): Prefs {
  return { ...prefs, profiles: prefs.profiles.map((old) => (old.id === profile.id ? profile : old)) };
}

/** Its rules go too, and the default if it was the default: nothing may name a missing profile. */
export function removeProfile(prefs: Prefs, id: string): Prefs {
  const { defaultProfileId, ...rest } = prefs;
  return {
    ...rest,
    ...(defaultProfileId === undefined || defaultProfileId === id ? {} : { defaultProfileId }),
    profiles: prefs.profiles.filter((profile) => profile.id !== id),
    rules: prefs.rules.filter((rule) => rule.profileId !== id),
  };
}

/** Undefined means "no default key". */
export function setDefaultProfile(prefs: Prefs, id: string | undefined): Prefs {
  const { defaultProfileId: _previous, ...rest } = prefs;
  return id !== undefined && prefs.profiles.some((profile) => profile.id === id)
    ? { ...rest, defaultProfileId: id }
    : rest;
}

/** Adds the rule, or points an existing rule for the same pattern at another profile. */
export function setRule(prefs: Prefs, pattern: string, profileId: string): Prefs {
  const others = prefs.rules.filter((rule) => rule.pattern !== pattern);
  const at = prefs.rules.findIndex((rule) => rule.pattern === pattern);
  const rules = [...others];
  rules.splice(at === -1 ? rules.length : at, 0, { pattern, profileId });
  return { ...prefs, rules };
}

export function removeRule(prefs: Prefs, pattern: string): Prefs {
  return { ...prefs, rules: prefs.rules.filter((rule) => rule.pattern !== pattern) };
}

export function setOption<K extends keyof CommandOptions>(prefs: Prefs, option: K, value: CommandOptions[K]): Prefs {
  return { ...prefs, options: { ...prefs.options, [option]: value } };
}

export function setShell(prefs: Prefs, shell: Shell): Prefs {
  return { ...prefs, shell };
}

export function addServer(prefs: Prefs, server: ServerInstall): Prefs {
  return { ...prefs, servers: [...prefs.servers.filter((old) => old.appHost !== server.appHost), server] };
}

export function removeServer(prefs: Prefs, appHost: string): Prefs {
  return { ...prefs, servers: prefs.servers.filter((server) => server.appHost !== appHost) };
}
