// The optional CircleCI API token: saved here, on this device only, and used by the background. The
// page never reads the token back, only whether one is saved and since when, so it cannot show it.

import { useEffect, useRef, useState } from 'preact/hooks';
import {
  apiTokenSavedAt,
  forgetApiToken,
  hasApiAccess,
  isApiToken,
  releaseApiAccess,
  requestApiAccess,
  saveApiToken,
} from '../settings/api-token';
import { type MessageKey, t } from '../shared/i18n';
import { Field } from './Field';

const DOCS_URL = 'https://circleci.com/docs/managing-api-tokens/';

interface Saved {
  /** Undefined when no token is saved. */
  readonly savedAt: number | undefined;
  /** False when the browser's settings took the access back since. */
  readonly access: boolean;
}

/** In the page's language (main.tsx sets it; an empty one, as in a bare document, means the default). */
const dateText = (time: number) =>
  new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(time);

/** `onDone` puts a message in the page's status line. */
export function ApiTokenSection({ onDone }: { readonly onDone: (message: MessageKey) => void }) {
  const [saved, setSaved] = useState<Saved>();
  const [checks, setChecks] = useState(0);
  const [input, setInput] = useState('');
  const [tries, setTries] = useState(0);
  const [problem, setProblem] = useState<MessageKey>();
  const inputRef = useRef<HTMLInputElement>(null);
  const recheck = () => setChecks((count) => count + 1);

  useEffect(() => {
    let current = true;
    void Promise.all([apiTokenSavedAt().catch(() => undefined), hasApiAccess().catch(() => false)]).then(
      ([savedAt, access]) => {
        if (current) setSaved({ savedAt, access });
      },
    );
    return () => {
      current = false;
    };
  }, [checks]);

  useEffect(() => {
    if (tries > 0) inputRef.current?.focus();
  }, [tries]);

  const save = (event: Event) => {
    event.preventDefault();
    setProblem(undefined);
    if (!isApiToken(input)) {
      setTries(tries + 1);
      return;
    }
    const token = input;
    const replacing = saved?.savedAt !== undefined;
    // Browsers show the permission prompt only during the click (or Enter) itself: ask before any await.
    const asked = requestApiAccess();
    void asked
      .catch(() => false)
      .then(async (allowed) => {
        if (!allowed) {
          setProblem('apiTokenDenied');
          return;
        }
        try {
          await saveApiToken(token);
          setInput('');
          setTries(0);
          onDone('apiTokenSaved');
        } catch {
          // No token, so no access either; a token saved before still needs it.
          if (!replacing) await releaseApiAccess().catch(() => false);
          setProblem('apiTokenStorageFailed');
        }
        recheck();
      });
  };

  const forget = async () => {
    // The button goes away with the token.
    inputRef.current?.focus();
    setProblem(undefined);
    try {
      await forgetApiToken();
    } catch {
      setProblem('apiTokenStorageFailed');
      return;
    }
    // Fails where the access cannot be given back (an unpacked test build that declares it): harmless.
    await releaseApiAccess().catch(() => false);
    onDone('apiTokenForgotten');
    recheck();
  };

  const error = tries > 0 && !isApiToken(input) ? t('apiTokenProblem') : undefined;

  return (
    <section aria-labelledby="api-token-heading">
      <h2 id="api-token-heading">{t('apiTokenHeading')}</h2>
      <p class="intro">{t('apiTokenIntro')}</p>
      <p class="intro">{t('apiTokenPrivacy')}</p>
      <p class="intro">
        {t('apiTokenKind')}{' '}
        <a href={DOCS_URL} rel="noreferrer" target="_blank">
          {t('apiTokenDocsLink')}
        </a>
      </p>
      {saved !== undefined &&
        (saved.savedAt === undefined ? (
          <p class="empty">{t('apiTokenNone')}</p>
        ) : (
          <div class="token-saved">
            <div class="token-saved-text">
              <p>{t('apiTokenSavedAt', dateText(saved.savedAt))}</p>
              {!saved.access && <p class="error">{t('apiTokenNoAccess')}</p>}
            </div>
            {!saved.access && (
              <button
                type="button"
                class="secondary"
                aria-label={t('apiTokenAllowLabel')}
                onClick={() =>
                  void requestApiAccess()
                    .catch(() => false)
                    .then(recheck)
                }
              >
                {t('serverAllow')}
              </button>
            )}
            <button type="button" class="secondary" onClick={() => void forget()}>
              {t('apiTokenForget')}
            </button>
          </div>
        ))}
      <form class="token-form" onSubmit={save}>
        <Field
          type="password"
          label={t('apiTokenLabel')}
          value={input}
          hint={t('apiTokenHint')}
          error={error}
          inputRef={inputRef}
          onInput={setInput}
        />
        <button type="submit">{t('apiTokenSave')}</button>
        {problem !== undefined && (
          <p class="error" role="alert">
            {t(problem)}
          </p>
        )}
      </form>
    </section>
  );
}
