// The settings file: every preference, marked so that only our own export is taken for one, and
// validated whole like a save, so an import either replaces all settings or changes nothing.

import { type Prefs, readPrefs, SCHEMA_VERSION, validPrefs } from '../settings/prefs';
import { isRecord } from '../shared/records';

export const SETTINGS_FILE_NAME = 'ssh-copy-for-circleci-settings.json';
const FORMAT = 'ssh-copy-for-circleci';
/** Far more than any settings that fit in storage.sync: a larger file is something else, left unread. */
const MAX_FILE_BYTES = 1_000_000;

export type SettingsPart =
  | 'shell'
  | 'profiles'
  | 'defaultProfileId'
  | 'rules'
  | 'options'
  | 'servers'
  | 'sessionRoute'
  | 'alerts';

export type ImportResult =
  | { readonly ok: true; readonly prefs: Prefs }
  | { readonly ok: false; readonly problem: 'not-json' | 'not-settings' | 'newer-version' }
  | { readonly ok: false; readonly problem: 'invalid'; readonly parts: readonly SettingsPart[] };

export function settingsFile(prefs: Prefs): string {
  return `${JSON.stringify({ format: FORMAT, schemaVersion: SCHEMA_VERSION, prefs }, null, 2)}\n`;
}

export async function readSettingsFile(file: Blob): Promise<ImportResult> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, problem: 'not-settings' };
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  if (!isRecord(data) || data.format !== FORMAT || typeof data.schemaVersion !== 'number' || !isRecord(data.prefs)) {
    return { ok: false, problem: 'not-settings' };
  }
  if (data.schemaVersion > SCHEMA_VERSION) return { ok: false, problem: 'newer-version' };
  const prefs = validPrefs(data.prefs);
  return prefs ? { ok: true, prefs } : { ok: false, problem: 'invalid', parts: invalidParts(data.prefs) };
}

/**
 * Which parts make the file invalid. Each part is read with only what it depends on: the profiles
 * with the shell (cmd.exe refuses some paths), the default and the rules with the profiles, which
 * are judged only once the profiles themselves are valid.
 */
function invalidParts(prefs: Record<string, unknown>): SettingsPart[] {
  const invalid = (part: Record<string, unknown>) =>
    readPrefs({ ...part, schemaVersion: SCHEMA_VERSION }).notice !== undefined;
  const { shell, profiles, defaultProfileId, rules, options, servers, sessionRoute, alerts } = prefs;
  const shellPart = invalid({ shell }) ? {} : { shell };
  const profilesValid = !invalid({ ...shellPart, profiles });
  const judged: [SettingsPart, boolean][] = [
    ['shell', invalid({ shell })],
    ['profiles', !profilesValid],
    ['defaultProfileId', profilesValid && invalid({ ...shellPart, profiles, defaultProfileId })],
    ['rules', profilesValid && invalid({ ...shellPart, profiles, rules })],
    ['options', invalid({ options })],
    ['servers', invalid({ servers })],
    ['sessionRoute', invalid({ sessionRoute })],
    ['alerts', invalid({ alerts })],
  ];
  return judged.filter(([, isInvalid]) => isInvalid).map(([part]) => part);
}
