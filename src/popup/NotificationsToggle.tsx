// The popup's quick switch for "SSH ready" notifications; the first "on" asks for the permission.

import { t } from '../shared/i18n';
import { useNotificationsSwitch } from '../ui/notifications-switch';

export interface NotificationsToggleProps {
  readonly on: boolean;
  readonly disabled: boolean;
  /** Saves the switch, once the browser allowed it. */
  readonly onSwitch: (on: boolean) => void;
}

export function NotificationsToggle({ on, disabled, onSwitch }: NotificationsToggleProps) {
  const { problem, onChange } = useNotificationsSwitch(onSwitch);
  return (
    <>
      <label class="check">
        <input
          type="checkbox"
          checked={on}
          disabled={disabled}
          aria-describedby={problem ? 'notifications-error' : undefined}
          onChange={onChange}
        />
        <span>{t('popupNotifications')}</span>
      </label>
      {problem && (
        <p id="notifications-error" class="status error" role="alert">
          {t(problem)}
        </p>
      )}
    </>
  );
}
