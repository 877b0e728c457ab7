import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../shared/browser';
import { checkKeyPath, type KeyPathProblem } from '../shared/key-path';
import { parseSavePrefsResponse, type SavePrefsRequest } from '../shared/messages';
import { DEFAULT_PREFS, type Prefs, type PrefsNotice } from '../shared/prefs';
import { loadPrefs } from '../shared/prefs-storage';
import { isShell, SHELL_NAMES, SHELLS } from '../shared/shell-quote';
import { buildSshCommand } from '../shared/ssh-command';

/** Long enough that typing a path is one write, short enough to feel saved (storage.sync: 120 writes a minute). */
const SAVE_DELAY_MS = 500;
const EXAMPLE_TARGET = { host: '18.207.148.116', port: 42915, tty: false } as const;

const PROBLEMS: Record<KeyPathProblem | 'storage', string> = {
  'control-character': 'A key path cannot contain line breaks, tabs or other control characters.',
  'invisible-character': 'A key path cannot contain invisible or text-direction characters.',
  'ssh-expansion': 'ssh expands “%” and “${” in key paths, so this path cannot work. Rename or link the key file.',
  'cmd-special-character': 'cmd.exe cannot quote “"” or “!” in a path. Rename or link the key file.',
  'too-long': 'This path is too long.',
  storage: 'Could not save: the browser’s storage refused the change. Try again in a minute.',
};

const NOTICES: Record<PrefsNotice, string> = {
  invalid: 'Your saved settings could not be read, so the defaults are in use until you save again.',
  'newer-version': 'These settings were saved by a newer version of this extension on another device.',
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
  const problem = check.ok ? undefined : PROBLEMS[check.problem];

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
      setStatus({ kind: 'error', message: PROBLEMS[response.problem] });
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
      <h1>CircleCI SSH Copy</h1>
      {notice && (
        <p class="notice" role="alert">
          {NOTICES[notice]}
        </p>
      )}
      <label for="key-path">Default SSH key</label>
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
        The private key whose public half you added to CircleCI or your VCS account. Leave it empty to let ssh choose.
      </p>
      <p id="key-path-status" class={problem || status.kind === 'error' ? 'status error' : 'status'} role="status">
        {problem ?? (status.kind === 'saved' ? 'Saved' : status.kind === 'error' ? status.message : '')}
      </p>
      <label for="shell">Shell for copied commands</label>
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
            {SHELL_NAMES[shell]}
          </option>
        ))}
      </select>
      {example && (
        <p class="example">
          Commands are quoted for {SHELL_NAMES[prefs.shell]} and look like: <code>{example}</code>
        </p>
      )}
    </>
  );
}
