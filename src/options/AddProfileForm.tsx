import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type KeyProfile, LIMITS, type Prefs } from '../settings/prefs';
import { t } from '../shared/i18n';
import { firstInvalidField } from '../ui/own-queries';
import { ProfileFields } from './ProfileFields';
import { checkProfile, EMPTY_DRAFT, newProfileId } from './profile-fields';

export interface AddProfileFormProps {
  readonly prefs: Prefs;
  /** Resolves true once the profile is saved. */
  readonly onAdd: (profile: KeyProfile) => Promise<boolean>;
  /** The form's first field, where focus goes after adding or removing a profile. */
  readonly nameRef: RefObject<HTMLInputElement>;
}

export function AddProfileForm({ prefs, onAdd, nameRef }: AddProfileFormProps) {
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  // Problems show from the first try on, not while the user is still filling the form in.
  const [tries, setTries] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const check = checkProfile(
    draft,
    prefs.shell,
    prefs.profiles.map((profile) => profile.name),
  );

  useEffect(() => {
    if (tries > 0) firstInvalidField(form.current)?.focus();
  }, [tries]);

  if (prefs.profiles.length >= LIMITS.profiles) return <p class="hint">{t('profileLimit', String(LIMITS.profiles))}</p>;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!check.fields) {
      setTries(tries + 1);
      return;
    }
    const id = newProfileId(prefs.profiles.map((profile) => profile.id));
    if (await onAdd({ id, ...check.fields })) {
      setDraft(EMPTY_DRAFT);
      setTries(0);
      nameRef.current?.focus();
    }
  };

  return (
    <form ref={form} class="add" aria-labelledby="add-profile-heading" onSubmit={(event) => void submit(event)}>
      <h3 id="add-profile-heading">{t('addProfileHeading')}</h3>
      <ProfileFields
        draft={draft}
        problems={tries > 0 ? check.problems : {}}
        onInput={(field, value) => setDraft((old) => ({ ...old, [field]: value }))}
        withHints
        nameRef={nameRef}
      />
      <button type="submit">{t('addProfile')}</button>
    </form>
  );
}
