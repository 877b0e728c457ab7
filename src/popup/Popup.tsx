import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../shared/browser';
import { type MessageKey, t } from '../shared/i18n';
import { checkKeyPath, type KeyPathProblem } from '../shared/key-path';
import { parseSavePrefsResponse, type SavePrefsRequest } from '../shared/messages';
import { DEFAULT_PREFS, type Prefs, type PrefsNotice } from '../shared/prefs';
import { loadPrefs } from '../shared/prefs-storage';
import { isShell, SHELLS, type Shell } from '../shared/shell-quote';
import { buildSshCommand } from '../shared/ssh-command';

/** Long enough that typing a path is one write, short enough to feel saved (storage.sync: 120 writes a minute). */
const SAVE_DELAY_MS = 500;
const EXAMPLE_TARGET = { host: '18.207.148.116', port: 42915, tty: false } as const;

const PROBLEMS: Record<KeyPathProblem | 'storage', MessageKey> = {
  'control-character': 'problemControlCharacter',
  'invisible-character': 'problemInvisibleCharacter',
  'ssh-expansion': 'problemSshExpansion',
  'cmd-special-character': 'problemCmdSpecialCharacter',
  'too-long': 'problemTooLong',
  storage: 'problemStorage',
};

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

export function Popup() {
  const [loaded, setLoaded] = useState(false);
  const [prefs, setPrefs] = useState<Prefs>(DEFAULT_PREFS);
  const [notice, setNotice] = useState<PrefsNotice>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const saved = useRef<Prefs>();
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    void loadPrefs().then(({ prefs: stored, notice: readNotice }) => {
      setPrefs(stored);
      saved.current = readNotice ? undefined : stored;
      setNotice(readNotice);
      setLoaded(true);
    });
  }, []);

  const check = checkKeyPath(prefs.keyPath, prefs.shell);
  const problem = check.ok ? undefined : t(PROBLEMS[check.problem]);

  const save = async (next: Prefs) => {
    clearTimeout(timer.current);
    const key = checkKeyPath(next.keyPath, next.shell);
    if (!key.ok) return;
    const request: SavePrefsRequest = { type: 'save-prefs', keyPath: key.keyPath ?? '', shell: next.shell };
    if (request.keyPath === saved.current?.keyPath && request.shell === saved.current.shell) return;
    const response = parseSavePrefsResponse(await sendMessage(request).catch(() => undefined));
    if (response.ok) {
      saved.current = { keyPath: request.keyPath, shell: request.shell };
      setNotice(undefined);
      setStatus({ kind: 'saved' });
    } else {
      setStatus({ kind: 'error', message: t(PROBLEMS[response.problem]) });
    }
  };

  const change = (next: Prefs, delay: number) => {
    setPrefs(next);
    setStatus({ kind: 'idle' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(next), delay);
  };

  const example = check.ok ? buildSshCommand(EXAMPLE_TARGET, prefs.shell, check.keyPath).text : undefined;

  return (
    <>
      <h1>{t('popupHeading')}</h1>
      {notice && (
        <p class="notice" role="alert">
          {t(NOTICES[notice])}
        </p>
      )}
      <label for="key-path">{t('keyPathLabel')}</label>
      <input
        id="key-path"
        type="text"
        value={prefs.keyPath}
        disabled={!loaded}
        placeholder="~/.ssh/id_ed25519"
        spellcheck={false}
        autocomplete="off"
        aria-invalid={problem !== undefined}
        aria-describedby="key-path-hint key-path-status"
        onInput={(event) => change({ ...prefs, keyPath: event.currentTarget.value }, SAVE_DELAY_MS)}
        onBlur={() => void save(prefs)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save(prefs);
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
          if (isShell(shell)) change({ ...prefs, shell }, 0);
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
    </>
  );
}
