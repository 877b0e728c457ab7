/** @jsxImportSource #dom */

import type { KeyChoice } from '../settings/key-choice';
import type { Prefs } from '../settings/prefs';
import { describePattern } from '../settings/project-rules';
import { t } from '../shared/i18n';

export interface KeyForProjectProps {
  readonly prefs: Prefs;
  readonly choice: KeyChoice;
  /** The profile of this project's own rule, if it has one. */
  readonly projectProfileId: string | undefined;
  /** Sets this project's rule; null removes it. */
  readonly onChoose: (profileId: string | null) => void;
  readonly onSetUp: () => void;
}

export function keyReason({ profile, reason }: KeyChoice): string {
  if (!profile || reason.kind === 'none') return t('keyReasonNone');
  if (reason.kind === 'fingerprint') return t('keyReasonFingerprint', profile.name);
  if (reason.kind === 'rule') return t('keyReasonRule', profile.name, describePattern(reason.pattern));
  return t('keyReasonDefault', profile.name);
}

/**
 * Which key applies to this job and why, and a one-step rule for its project. Built as DOM nodes, for
 * the job page; the popup shows the same nodes (see Popup.tsx). A change of rule comes back as new
 * preferences, which redraw it.
 */
export function KeyForProject({ prefs, choice, projectProfileId, onChoose, onSetUp }: KeyForProjectProps) {
  return (
    <div class="key-control">
      {prefs.profiles.length > 0 ? (
        <label>
          {t('keyForProject')}{' '}
          <select
            value={projectProfileId ?? ''}
            onChange={(event) => onChoose(event.currentTarget.value === '' ? null : event.currentTarget.value)}
          >
            <option value="">{t('keyNoRule')}</option>
            {prefs.profiles.map((profile) => (
              <option value={profile.id}>{profile.name}</option>
            ))}
          </select>
        </label>
      ) : (
        <button type="button" onClick={onSetUp}>
          {t('setUpKeys')}
        </button>
      )}
      <span class="key-why">{keyReason(choice)}</span>
      {choice.notAuthorized && choice.profile && (
        <p class="problem" role="note">
          {t('keyNotAuthorized', choice.profile.name)}
        </p>
      )}
    </div>
  );
}
