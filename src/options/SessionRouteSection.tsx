// The one switch for the session route (#13): on by default, off for users who want the extension to
// ask CircleCI nothing unless they saved a token (docs/security.md#s19-session-route).

import { t } from '../shared/i18n';
import type { PrefsStore } from './use-prefs';

export function SessionRouteSection({ store: { prefs, save } }: { readonly store: PrefsStore }) {
  return (
    <section aria-labelledby="session-route-heading">
      <h2 id="session-route-heading">{t('sessionRouteHeading')}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={prefs.sessionRoute}
          aria-describedby="session-route-hint"
          onChange={(event) => {
            const sessionRoute = event.currentTarget.checked;
            void save((latest) => ({ ...latest, sessionRoute }));
          }}
        />
        <span>{t('sessionRouteLabel')}</span>
      </label>
      <p id="session-route-hint" class="hint indented">
        {t('sessionRouteHint')}
      </p>
    </section>
  );
}
