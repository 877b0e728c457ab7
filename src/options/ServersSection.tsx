import { useEffect, useRef, useState } from 'preact/hooks';
import { LIMITS, type Prefs, readServer, type ServerInstall } from '../settings/prefs';
import { releaseServerAccess, requestServerAccess } from '../settings/servers';
import { t } from '../shared/i18n';
import { firstInvalidField } from '../ui/own-queries';
import { addServer, removeServer } from './edits';
import { Field } from './Field';
import { useGrantedHosts } from './use-granted-hosts';
import type { PrefsStore } from './use-prefs';

/** Host names are case-insensitive, and people paste URLs: `https://App.CI.example.com/` is `app.ci.example.com`. */
const hostOf = (input: string) =>
  input
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');

interface ServerCheck {
  readonly server?: ServerInstall;
  readonly appHostProblem?: string;
  readonly sshHostProblem?: string;
}

function checkServer(appInput: string, sshInput: string, prefs: Prefs): ServerCheck {
  const appHost = hostOf(appInput);
  const sshHost = hostOf(sshInput);
  if (!readServer({ appHost })) return { appHostProblem: t('serverAppHostProblem') };
  if (prefs.servers.some((server) => server.appHost === appHost)) return { appHostProblem: t('serverExists', appHost) };
  const server = readServer(sshHost === '' ? { appHost } : { appHost, sshHost });
  return server ? { server } : { sshHostProblem: t('serverSshHostProblem') };
}

export function ServersSection({ store: { prefs, save } }: { readonly store: PrefsStore }) {
  const [appInput, setAppInput] = useState('');
  const [sshInput, setSshInput] = useState('');
  const [tries, setTries] = useState(0);
  const [denied, setDenied] = useState<string>();
  const [granted, recheck] = useGrantedHosts(prefs.servers);
  const form = useRef<HTMLFormElement>(null);
  const appRef = useRef<HTMLInputElement>(null);
  const check = checkServer(appInput, sshInput, prefs);

  useEffect(() => {
    if (tries > 0) firstInvalidField(form.current)?.focus();
  }, [tries]);

  const add = (event: Event) => {
    event.preventDefault();
    const { server } = check;
    setDenied(undefined);
    if (!server) {
      setTries(tries + 1);
      return;
    }
    // Browsers show the permission prompt only during the click (or Enter) itself: ask before any await.
    const asked = requestServerAccess(server.appHost);
    void asked
      .catch(() => false)
      .then(async (allowed) => {
        if (!allowed) {
          setDenied(t('serverDenied', server.appHost));
          return;
        }
        if (await save((latest) => addServer(latest, server))) {
          setAppInput('');
          setSshInput('');
          setTries(0);
        } else {
          // Not in the settings, so no access either.
          await releaseServerAccess(server.appHost).catch(() => false);
        }
        recheck();
      });
  };

  const remove = async (appHost: string) => {
    appRef.current?.focus();
    if (await save((latest) => removeServer(latest, appHost))) {
      await releaseServerAccess(appHost).catch(() => false);
    }
    recheck();
  };

  return (
    <section aria-labelledby="servers-heading">
      <h2 id="servers-heading">{t('serversHeading')}</h2>
      <p class="intro">{t('serversIntro')}</p>
      {prefs.servers.length === 0 ? (
        <p class="empty">{t('serversEmpty')}</p>
      ) : (
        <ul class="servers">
          {prefs.servers.map(({ appHost, sshHost }) => (
            <li key={appHost}>
              <div>
                <code>{appHost}</code>
                {sshHost !== undefined && <span class="hint"> {t('serverSshHostShown', sshHost)}</span>}
                {granted.get(appHost) === false && <p class="error">{t('serverNoAccess')}</p>}
              </div>
              {granted.get(appHost) === false && (
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('serverAllowLabel', appHost)}
                  onClick={() =>
                    void requestServerAccess(appHost)
                      .catch(() => false)
                      .then(recheck)
                  }
                >
                  {t('serverAllow')}
                </button>
              )}
              <button
                type="button"
                class="secondary"
                aria-label={t('removeServerLabel', appHost)}
                onClick={() => void remove(appHost)}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {prefs.servers.length >= LIMITS.servers ? (
        <p class="hint">{t('serverLimit', String(LIMITS.servers))}</p>
      ) : (
        <form ref={form} class="add" aria-labelledby="add-server-heading" onSubmit={add}>
          <h3 id="add-server-heading">{t('addServerHeading')}</h3>
          <div class="server-fields">
            <Field
              label={t('serverAppHost')}
              value={appInput}
              placeholder="app.ci.example.com"
              hint={t('serverAppHostHint')}
              error={tries > 0 ? check.appHostProblem : undefined}
              inputRef={appRef}
              onInput={setAppInput}
            />
            <Field
              label={t('serverSshHost')}
              value={sshInput}
              placeholder="ssh.ci.example.com"
              hint={t('serverSshHostHint')}
              error={tries > 0 ? check.sshHostProblem : undefined}
              onInput={setSshInput}
            />
          </div>
          <button type="submit">{t('addServer')}</button>
          {denied !== undefined && (
            <p class="error" role="alert">
              {denied}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
