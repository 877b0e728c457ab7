import type { Ref } from 'preact';
import { t } from '../shared/i18n';
import { Field } from './Field';
import type { Field as FieldName, Problem, ProfileDraft } from './profile-fields';

export const KEYGEN_COMMAND = 'ssh-keygen -lf ~/.ssh/id_ed25519.pub';

export interface ProfileFieldsProps {
  readonly draft: ProfileDraft;
  /** The problems to show: none until the user has had a chance to finish typing. */
  readonly problems: Partial<Record<FieldName, Problem>>;
  readonly onInput: (field: FieldName, value: string) => void;
  readonly onBlur?: () => void;
  readonly onEnter?: () => void;
  /** With the help text, in the form that adds a profile; the list's fields stay compact. */
  readonly withHints?: boolean;
  readonly nameRef?: Ref<HTMLInputElement>;
}

const message = (problem: Problem | undefined) => problem && t(problem.key, ...problem.substitutions);

/** Name, key path and fingerprint of a key profile. */
export function ProfileFields({ draft, problems, onInput, onBlur, onEnter, withHints, nameRef }: ProfileFieldsProps) {
  const events = { ...(onBlur ? { onBlur } : {}), ...(onEnter ? { onEnter } : {}) };
  return (
    <div class="profile-fields">
      <Field
        label={t('profileName')}
        value={draft.name}
        error={message(problems.name)}
        onInput={(value) => onInput('name', value)}
        {...events}
        {...(nameRef ? { inputRef: nameRef } : {})}
      />
      <Field
        label={t('profileKeyPath')}
        value={draft.keyPath}
        placeholder="~/.ssh/id_ed25519"
        error={message(problems.keyPath)}
        onInput={(value) => onInput('keyPath', value)}
        {...(withHints ? { hint: t('profileKeyPathHint') } : {})}
        {...events}
      />
      <Field
        label={t('profileFingerprint')}
        value={draft.fingerprint}
        placeholder="SHA256:…"
        error={message(problems.fingerprint)}
        onInput={(value) => onInput('fingerprint', value)}
        {...(withHints
          ? {
              hint: (
                <>
                  {t('profileFingerprintHint')} <code>{KEYGEN_COMMAND}</code>
                </>
              ),
            }
          : {})}
        {...events}
      />
    </div>
  );
}
