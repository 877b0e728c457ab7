// While an SSH rerun runs: notifications (asking for the optional permission when turned on), the two
// expiry warnings, which are notifications too, and the toolbar countdown.

import type { AlertSettings } from '../settings/prefs';
import { setAlert } from '../settings/prefs-edit';
import { type MessageKey, t } from '../shared/i18n';
import { useNotificationsSwitch } from '../ui/notifications-switch';
import type { PrefsStore } from './use-prefs';

const WARNINGS: readonly { alert: keyof AlertSettings; label: MessageKey }[] = [
  { alert: 'warnConnect', label: 'alertWarnConnect' },
  { alert: 'warnSlot', label: 'alertWarnSlot' },
];

export function AlertsSection({ store: { prefs, save } }: { readonly store: PrefsStore }) {
  const { alerts } = prefs;
  const toggle = (alert: keyof AlertSettings, on: boolean) => void save((latest) => setAlert(latest, alert, on));
  const { problem, onChange } = useNotificationsSwitch((on) => toggle('notifications', on));

  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{t('alertsHeading')}</h2>
      <p class="intro">{t('alertsIntro')}</p>
      <div class="checks">
        <label class="check">
          <input
            type="checkbox"
            checked={alerts.notifications}
            aria-describedby={problem ? 'notifications-hint notifications-error' : 'notifications-hint'}
            onChange={onChange}
          />
          <span>{t('alertNotifications')}</span>
        </label>
        <p id="notifications-hint" class="hint indented">
          {t('alertNotificationsHint')}
        </p>
        {problem && (
          <p id="notifications-error" class="error indented" role="alert">
            {t(problem)}
          </p>
        )}
        {WARNINGS.map(({ alert, label }) => (
          <label key={alert} class="check">
            <input
              type="checkbox"
              checked={alerts[alert]}
              aria-describedby="warnings-hint"
              onChange={(event) => toggle(alert, event.currentTarget.checked)}
            />
            <span>{t(label)}</span>
          </label>
        ))}
        <p id="warnings-hint" class="hint indented">
          {t('alertWarningsNeedNotifications')}
        </p>
        <label class="check">
          <input
            type="checkbox"
            checked={alerts.badge}
            onChange={(event) => toggle('badge', event.currentTarget.checked)}
          />
          <span>{t('alertBadge')}</span>
        </label>
      </div>
    </section>
  );
}
