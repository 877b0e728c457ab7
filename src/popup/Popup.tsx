import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../shared/browser';
import { checkKeyPath, type KeyPathProblem } from '../shared/key-path';
import { parseSetKeyPathResponse, type SetKeyPathRequest } from '../shared/messages';
import type { PrefsNotice } from '../shared/prefs';
import { loadPrefs } from '../shared/prefs-storage';
import { buildSshCommand } from '../shared/ssh-command';

/** Long enough that typing a path is one write, short enough to feel saved (storage.sync: 120 writes a minute). */
const SAVE_DELAY_MS = 500;
const EXAMPLE_TARGET = { host: '18.207.148.116', port: 42915, tty: false } as const;

const PROBLEMS: Record<KeyPathProblem | 'storage', string> = {
  'control-character': 'A key path cannot contain line breaks, tabs or other control characters.',
  'invisible-character': 'A key path cannot contain invisible or text-direction characters.',
  'ssh-expansion': 'ssh expands “%” and “${” in key paths, so this path cannot work. Rename or link the key file.',
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
  const [value, setValue] = useState('');
  const [notice, setNotice] = useState<PrefsNotice>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const savedValue = useRef<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    void loadPrefs().then(({ prefs, notice: readNotice }) => {
      setValue(prefs.keyPath);
      savedValue.current = readNotice ? undefined : prefs.keyPath;
      setNotice(readNotice);
      setLoaded(true);
    });
  }, []);

  const check = checkKeyPath(value);
  const problem = check.ok ? undefined : PROBLEMS[check.problem];

  const save = async (input: string) => {
    clearTimeout(timer.current);
    const key = checkKeyPath(input);
    if (!key.ok) return;
    const keyPath = key.keyPath ?? '';
    if (keyPath === savedValue.current) return;
    const request: SetKeyPathRequest = { type: 'set-key-path', keyPath };
    const response = parseSetKeyPathResponse(await sendMessage(request).catch(() => undefined));
    if (response.ok) {
      savedValue.current = keyPath;
      setNotice(undefined);
      setStatus({ kind: 'saved' });
    } else {
      setStatus({ kind: 'error', message: PROBLEMS[response.problem] });
    }
  };

  const onInput = (input: string) => {
    setValue(input);
    setStatus({ kind: 'idle' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(input), SAVE_DELAY_MS);
  };

  const example = check.ok ? buildSshCommand(EXAMPLE_TARGET, check.keyPath) : undefined;

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
        value={value}
        disabled={!loaded}
        placeholder="~/.ssh/id_ed25519"
        spellcheck={false}
        autocomplete="off"
        aria-invalid={problem !== undefined}
        aria-describedby="key-path-hint key-path-status"
        onInput={(event) => onInput(event.currentTarget.value)}
        onBlur={() => void save(value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save(value);
        }}
      />
      <p id="key-path-hint" class="hint">
        The private key whose public half you added to CircleCI or your VCS account. Leave it empty to let ssh choose.
      </p>
      <p id="key-path-status" class={problem || status.kind === 'error' ? 'status error' : 'status'} role="status">
        {problem ?? (status.kind === 'saved' ? 'Saved' : status.kind === 'error' ? status.message : '')}
      </p>
      {example && (
        <p class="shell">
          Copied commands are written for POSIX shells (sh, bash, zsh) and look like: <code>{example}</code>
        </p>
      )}
    </>
  );
}
