import { useEffect, useRef, useState } from 'preact/hooks';
import { checkKeyPath } from '../command/key-path';
import { isShell, SHELLS, type Shell } from '../command/shell-quote';
import { buildSshCommand } from '../command/ssh-command';
import { type PageStatus, parsePageStatus } from '../diagnostics/page-status';
import { chooseKey } from '../settings/key-choice';
import { DEFAULT_PREFS, type Prefs, type PrefsNotice, type ReadPrefs } from '../settings/prefs';
import { defaultKeyPath, setAlert, withDefaultKeyPath } from '../settings/prefs-edit';
import { loadPrefs } from '../settings/prefs-storage';
import { sendMessage, sendMessageToTab } from '../shared/browser';
import { activeTabId, openOptionsPage } from '../shared/browser-tabs';
import { type MessageKey, t } from '../shared/i18n';
import { type JobContext, parseJobContext, parseSaveResponse } from '../shared/messages';
import { KeyForProject } from '../ui/KeyForProject';
import { KEY_PROBLEMS, SAVE_PROBLEMS } from '../ui/problems';
import { DomNodes } from './DomNodes';
import { GoToRerun } from './GoToRerun';
import { NotificationsToggle } from './NotificationsToggle';
import { UnreadablePage } from './UnreadablePage';

/** Long enough that typing a path is one write, short enough to feel saved (storage.sync: 120 writes a minute). */
const SAVE_DELAY_MS = 500;
const EXAMPLE_TARGET = { host: '18.207.148.116', port: 42915, tty: false } as const;

const NOTICES: Record<PrefsNotice, MessageKey> = {
  invalid: 'noticeInvalid',
  'newer-version': 'noticeNewerVersion',
};

const SHELL_NAMES: Record<Shell, MessageKey> = {
  posix: 'shellPosix',
  fish: 'shellFish',
  powershell: 'shellPowershell',
  cmd: 'shellCmd',
};

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

async function saveAll(prefs: Prefs): Promise<Status> {
  const response = parseSaveResponse(await sendMessage({ type: 'save-prefs', prefs }).catch(() => undefined));
  return response.ok ? { kind: 'saved' } : { kind: 'error', message: t(SAVE_PROBLEMS[response.problem]) };
}

interface ActiveJobPage {
  readonly tabId: number;
  readonly context?: JobContext;
  readonly status?: PageStatus;
}

/** What the job page in the active tab reports, when there is one. */
async function activeJobPage(): Promise<ActiveJobPage | undefined> {
  const tabId = await activeTabId().catch(() => undefined);
  if (tabId === undefined) return undefined;
  const ask = (type: string) => sendMessageToTab(tabId, { type }).catch(() => undefined);
  const [context, status] = await Promise.all([
    ask('job-context').then(parseJobContext),
    ask('page-status').then(parsePageStatus),
  ]);
  return { tabId, ...(context ? { context } : {}), ...(status ? { status } : {}) };
}

export interface PopupProps {
  /**
   * The stored preferences, being read: main.tsx starts that as the script starts, rather than after
   * the first paint, when effects run, because the popup is usable only once they are in.
   */
  readonly prefsRead: Promise<ReadPrefs>;
}

export function Popup({ prefsRead }: PopupProps) {
  const [loaded, setLoaded] = useState(false);
  const [prefs, setPrefs] = useState<Prefs>(DEFAULT_PREFS);
  const [keyPath, setKeyPath] = useState('');
  const [notice, setNotice] = useState<PrefsNotice>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [activePage, setActivePage] = useState<ActiveJobPage>();
  const job = activePage?.context;
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    void prefsRead.then(({ prefs: stored, notice: readNotice }) => {
      setPrefs(stored);
      setKeyPath(defaultKeyPath(stored));
      setNotice(readNotice);
      setLoaded(true);
    });
    void activeJobPage().then(setActivePage);
  }, []);

  const check = checkKeyPath(keyPath, prefs.shell);
  const problem = check.ok ? undefined : t(KEY_PROBLEMS[check.problem]);

  /** Saves the key field and shell when they differ from what is stored. */
  const save = async (input: string, shell: Shell) => {
    clearTimeout(timer.current);
    const key = checkKeyPath(input, shell);
    if (!key.ok) return;
    const next = withDefaultKeyPath({ ...prefs, shell }, key.keyPath ?? '');
    if (JSON.stringify(next) === JSON.stringify(prefs) && notice === undefined) return;
    const result = await saveAll(next);
    if (result.kind === 'saved') {
      setPrefs(next);
      setNotice(undefined);
    }
    setStatus(result);
  };

  const edit = (input: string) => {
    setKeyPath(input);
    setStatus({ kind: 'idle' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(input, prefs.shell), SAVE_DELAY_MS);
  };

  const chooseForProject = async (profileId: string | null) => {
    if (!job) return;
    const response = parseSaveResponse(
      await sendMessage({ type: 'set-project-rule', profileId, project: job.project }).catch(() => undefined),
    );
    if (response.ok) setPrefs((await loadPrefs()).prefs);
    setStatus(response.ok ? { kind: 'saved' } : { kind: 'error', message: t(SAVE_PROBLEMS[response.problem]) });
  };

  const switchNotifications = async (on: boolean) => {
    const next = setAlert(prefs, 'notifications', on);
    const result = await saveAll(next);
    if (result.kind === 'saved') setPrefs(next);
    setStatus(result);
  };

  const example = check.ok
    ? buildSshCommand(EXAMPLE_TARGET, {
        shell: prefs.shell,
        options: prefs.options,
        ...(check.keyPath ? { keyPath: check.keyPath } : {}),
      }).text
    : undefined;

  return (
    <>
      <h1>{t('popupHeading')}</h1>
      {notice && (
        <p class="notice" role="alert">
          {t(NOTICES[notice])}
        </p>
      )}
      {activePage?.status?.readable === false && <UnreadablePage tabId={activePage.tabId} status={activePage.status} />}
      <GoToRerun />
      {job && (
        <section class="job">
          <DomNodes
            build={() =>
              KeyForProject({
                prefs,
                choice: chooseKey(prefs, job.project, job.authorizedKeys),
                projectProfileId: prefs.rules.find((rule) => rule.pattern === job.project)?.profileId,
                onChoose: (profileId) => void chooseForProject(profileId),
                onSetUp: () => void openOptionsPage(),
              })
            }
          />
        </section>
      )}
      <label for="key-path">{t('keyPathLabel')}</label>
      <input
        id="key-path"
        type="text"
        value={keyPath}
        disabled={!loaded}
        placeholder="~/.ssh/id_ed25519"
        spellcheck={false}
        autocomplete="off"
        aria-invalid={problem !== undefined}
        aria-describedby="key-path-hint key-path-status"
        onInput={(event) => edit(event.currentTarget.value)}
        onBlur={() => void save(keyPath, prefs.shell)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save(keyPath, prefs.shell);
        }}
      />
      <p id="key-path-hint" class="hint">
        {t('keyPathHint')}
      </p>
      <p id="key-path-status" class={problem || status.kind === 'error' ? 'status error' : 'status'} role="status">
        {problem ?? (status.kind === 'saved' ? t('saved') : status.kind === 'error' ? status.message : '')}
      </p>
      <label for="shell">{t('shellLabel')}</label>
      <select
        id="shell"
        value={prefs.shell}
        disabled={!loaded}
        onChange={(event) => {
          const shell = event.currentTarget.value;
          if (isShell(shell)) {
            setPrefs({ ...prefs, shell });
            void save(keyPath, shell);
          }
        }}
      >
        {SHELLS.map((shell) => (
          <option key={shell} value={shell}>
            {t(SHELL_NAMES[shell])}
          </option>
        ))}
      </select>
      {example && (
        <p class="example">
          {t('commandExample', t(SHELL_NAMES[prefs.shell]))} <code>{example}</code>
        </p>
      )}
      <NotificationsToggle
        on={prefs.alerts.notifications}
        disabled={!loaded}
        onSwitch={(on) => void switchNotifications(on)}
      />
      <button type="button" class="link" onClick={() => void openOptionsPage()}>
        {t('allSettings')}
      </button>
    </>
  );
}
