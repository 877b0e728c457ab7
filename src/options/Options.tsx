// The options page: key profiles, project rules, command options, alerts while an SSH rerun runs,
// CircleCI servers, the API token, the session route, and import and export. Every change saves as it
// is made (typing after a pause), through the background, which validates the whole; one status line
// says whether it worked, for the token too.

import { useEffect, useState } from 'preact/hooks';
import type { PrefsNotice } from '../settings/prefs';
import { type MessageKey, t } from '../shared/i18n';
import { SAVE_PROBLEMS } from '../ui/problems';
import { AlertsSection } from './AlertsSection';
import { ApiTokenSection } from './ApiTokenSection';
import { CommandSection } from './CommandSection';
import { ProfilesSection } from './ProfilesSection';
import { RulesSection } from './RulesSection';
import { ServersSection } from './ServersSection';
import { SessionRouteSection } from './SessionRouteSection';
import { TransferSection } from './TransferSection';
import { type SaveStatus, usePrefs } from './use-prefs';

const NOTICES: Record<PrefsNotice, MessageKey> = {
  invalid: 'noticeInvalid',
  'newer-version': 'noticeNewerVersion',
};

function statusText(status: SaveStatus): string {
  if (status.kind === 'saved') return t(status.message);
  return status.kind === 'error' ? t(SAVE_PROBLEMS[status.problem]) : '';
}

export function Options() {
  const store = usePrefs();
  const [tokenStatus, setTokenStatus] = useState<MessageKey>();
  // The line shows what happened last: a settings save after a token change takes it back.
  useEffect(() => setTokenStatus(undefined), [store.status]);
  return (
    <>
      <h1>{t('optionsHeading')}</h1>
      <p class="intro">{t('optionsIntro')}</p>
      {store.notice && (
        <p class="notice" role="alert">
          {t(NOTICES[store.notice])}
        </p>
      )}
      {store.loaded && (
        <>
          <ProfilesSection store={store} />
          <RulesSection store={store} />
          <CommandSection store={store} />
          <AlertsSection store={store} />
          <ServersSection store={store} />
          <ApiTokenSection onDone={setTokenStatus} />
          <SessionRouteSection store={store} />
          <TransferSection store={store} />
        </>
      )}
      {/* Always in the page, so that screen readers announce what appears in it. */}
      <div class="status-bar" role="status">
        {tokenStatus !== undefined ? (
          <span class="status">{t(tokenStatus)}</span>
        ) : (
          store.status.kind !== 'idle' && (
            <span class={store.status.kind === 'error' ? 'status error' : 'status'}>{statusText(store.status)}</span>
          )
        )}
      </div>
    </>
  );
}
