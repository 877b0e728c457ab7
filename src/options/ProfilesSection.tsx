import { useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { AddProfileForm } from './AddProfileForm';
import { addProfile, removeProfile, setDefaultProfile, updateProfile } from './edits';
import { ProfileRow } from './ProfileRow';
import type { PrefsStore } from './use-prefs';

export function ProfilesSection({ store: { prefs, save } }: { readonly store: PrefsStore }) {
  const addName = useRef<HTMLInputElement>(null);
  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">{t('profilesHeading')}</h2>
      <p class="intro">{t('profilesIntro')}</p>
      {prefs.profiles.length === 0 ? (
        <p class="empty">{t('profilesEmpty')}</p>
      ) : (
        <ul class="profiles">
          {prefs.profiles.map((profile) => (
            <ProfileRow
              key={profile.id}
              profile={profile}
              shell={prefs.shell}
              otherNames={prefs.profiles.filter((other) => other.id !== profile.id).map((other) => other.name)}
              onSave={(edited) => void save((latest) => updateProfile(latest, edited))}
              onRemove={() => {
                void save((latest) => removeProfile(latest, profile.id));
                // The button goes with the profile; focus goes somewhere useful instead of to the page.
                addName.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
      {prefs.profiles.length > 0 && (
        <div class="field">
          <label for="default-profile">{t('defaultProfileLabel')}</label>
          <select
            id="default-profile"
            aria-describedby="default-profile-hint"
            value={prefs.defaultProfileId ?? ''}
            onChange={(event) => {
              const id = event.currentTarget.value;
              void save((latest) => setDefaultProfile(latest, id === '' ? undefined : id));
            }}
          >
            <option value="">{t('noDefaultProfile')}</option>
            {prefs.profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name}
              </option>
            ))}
          </select>
          <p id="default-profile-hint" class="hint">
            {t('defaultProfileHint')}
          </p>
        </div>
      )}
      <AddProfileForm
        prefs={prefs}
        nameRef={addName}
        onAdd={(profile) => save((latest) => addProfile(latest, profile))}
      />
    </section>
  );
}
