import { useEffect, useRef, useState } from 'preact/hooks';
import type { Shell } from '../command/shell-quote';
import type { KeyProfile } from '../settings/prefs';
import { t } from '../shared/i18n';
import { ProfileFields } from './ProfileFields';
import { checkProfile, draftOf, type Field, type ProfileDraft, sameAsSaved } from './profile-fields';

/** Long enough that typing a path is one write, short enough to feel saved (storage.sync: 120 writes a minute). */
export const SAVE_DELAY_MS = 500;

export interface ProfileRowProps {
  readonly profile: KeyProfile;
  readonly shell: Shell;
  readonly otherNames: readonly string[];
  readonly onSave: (profile: KeyProfile) => void;
  readonly onRemove: () => void;
}

/** One profile, edited in place: saved a moment after typing stops, at once on Enter or leaving a field. */
export function ProfileRow({ profile, shell, otherNames, onSave, onRemove }: ProfileRowProps) {
  const [draft, setDraftState] = useState(() => draftOf(profile));
  // The draft as typed so far and the stored values it started from, for timers and storage changes.
  const current = useRef(draft);
  const base = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // What a pending save compares with when its timer fires: the props of the latest render.
  const latest = useRef({ profile, shell, otherNames });
  latest.current = { profile, shell, otherNames };
  const setDraft = (next: ProfileDraft) => {
    current.current = next;
    setDraftState(next);
  };

  // The profile changed in storage (our save, or another page): each field the user has not changed
  // since takes the stored value; what is being typed stays.
  useEffect(() => {
    const stored: ProfileDraft = {
      name: profile.name,
      keyPath: profile.keyPath,
      fingerprint: profile.fingerprint ?? '',
    };
    const typed = current.current;
    const kept = (field: Field) =>
      sameAsSaved(field, typed[field], base.current[field]) ? stored[field] : typed[field];
    const next = { name: kept('name'), keyPath: kept('keyPath'), fingerprint: kept('fingerprint') };
    base.current = stored;
    current.current = next;
    setDraftState(next);
  }, [profile.name, profile.keyPath, profile.fingerprint]);

  // A pending save dies with the row: the profile was removed.
  useEffect(() => () => clearTimeout(timer.current), []);

  const check = checkProfile(draft, shell, otherNames);

  /** Saves the draft if it is valid and differs from the stored profile; returns its normalised fields. */
  const saveNow = () => {
    clearTimeout(timer.current);
    const { profile: saved, shell: currentShell, otherNames: names } = latest.current;
    const { fields } = checkProfile(current.current, currentShell, names);
    const changed =
      fields &&
      (fields.name !== saved.name || fields.keyPath !== saved.keyPath || fields.fingerprint !== saved.fingerprint);
    if (changed) onSave({ id: saved.id, ...fields });
    return fields;
  };

  const edit = (field: Field, value: string) => {
    setDraft({ ...current.current, [field]: value });
    clearTimeout(timer.current);
    timer.current = setTimeout(saveNow, SAVE_DELAY_MS);
  };

  /** Leaving a field saves it, and shows it as saved: pasted `ssh-keygen` output becomes the fingerprint. */
  const leave = () => {
    const fields = saveNow();
    if (fields) setDraft({ name: fields.name, keyPath: fields.keyPath, fingerprint: fields.fingerprint ?? '' });
  };

  return (
    <li>
      <fieldset class="profile">
        <legend>{profile.name}</legend>
        <ProfileFields draft={draft} problems={check.problems} onInput={edit} onBlur={leave} onEnter={leave} />
        <button type="button" class="secondary" aria-label={t('removeProfileLabel', profile.name)} onClick={onRemove}>
          {t('remove')}
        </button>
      </fieldset>
    </li>
  );
}
