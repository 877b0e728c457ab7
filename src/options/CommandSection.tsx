import { useState } from 'preact/hooks';
import { checkKeyPath } from '../command/key-path';
import type { CommandOptions } from '../command/options';
import { isShell, SHELLS, type Shell } from '../command/shell-quote';
import { buildSshCommand, hostKeyAlias } from '../command/ssh-command';
import { defaultProfile, type Prefs } from '../settings/prefs';
import { type MessageKey, t } from '../shared/i18n';
import { setOption, setShell } from './edits';
import type { PrefsStore } from './use-prefs';

export const SHELL_NAMES: Record<Shell, MessageKey> = {
  posix: 'shellPosix',
  fish: 'shellFish',
  powershell: 'shellPowershell',
  cmd: 'shellCmd',
};

type Toggle = 'identitiesOnly' | 'verbose' | 'keepAlive';

/** The ssh words each toggle adds, as written in the command: not translated. */
const TOGGLES: readonly { option: Toggle; label: MessageKey; words: string }[] = [
  { option: 'identitiesOnly', label: 'optionIdentitiesOnly', words: '-o IdentitiesOnly=yes' },
  { option: 'verbose', label: 'optionVerbose', words: '-v' },
  { option: 'keepAlive', label: 'optionKeepAlive', words: '-o ServerAliveInterval=30' },
];

const EXAMPLE_TARGET = { host: '18.207.148.116', port: 42915, tty: false } as const;
const EXAMPLE_PROJECT = 'github/acme/api';

/** The example uses the user's own default key when there is one, so it reads like their commands. */
function example(prefs: Prefs): string {
  const keyPath = (defaultProfile(prefs) ?? prefs.profiles[0])?.keyPath ?? '~/.ssh/id_ed25519';
  return buildSshCommand(EXAMPLE_TARGET, {
    shell: prefs.shell,
    options: prefs.options,
    keyPath,
    hostKeyAlias: hostKeyAlias(EXAMPLE_PROJECT, 101, 0),
  }).text;
}

export function CommandSection({ store: { prefs, save } }: { readonly store: PrefsStore }) {
  const [shellProblem, setShellProblem] = useState<string>();
  const toggle = <K extends keyof CommandOptions>(option: K, value: CommandOptions[K]) =>
    void save((latest) => setOption(latest, option, value));

  const chooseShell = (shell: Shell) => {
    // A key path that cannot be quoted for the new shell would make the whole save invalid: say which.
    const unusable = prefs.profiles.find((profile) => !checkKeyPath(profile.keyPath, shell).ok);
    setShellProblem(unusable && t('shellProblem', unusable.name, t(SHELL_NAMES[shell])));
    if (!unusable) void save((latest) => setShell(latest, shell));
  };

  return (
    <section aria-labelledby="command-heading">
      <h2 id="command-heading">{t('commandHeading')}</h2>
      <div class="field">
        <label for="shell">{t('shellLabel')}</label>
        <select
          id="shell"
          value={prefs.shell}
          aria-invalid={shellProblem !== undefined}
          aria-describedby={shellProblem === undefined ? undefined : 'shell-error'}
          onChange={(event) => {
            const shell = event.currentTarget.value;
            if (isShell(shell)) chooseShell(shell);
          }}
        >
          {SHELLS.map((shell) => (
            <option key={shell} value={shell}>
              {t(SHELL_NAMES[shell])}
            </option>
          ))}
        </select>
        {shellProblem !== undefined && (
          <p id="shell-error" class="error">
            {shellProblem}
          </p>
        )}
      </div>
      <div class="checks">
        {TOGGLES.map(({ option, label, words }) => (
          <label key={option} class="check">
            <input
              type="checkbox"
              checked={prefs.options[option]}
              onChange={(event) => toggle(option, event.currentTarget.checked)}
            />
            <span>
              {t(label)} <code>{words}</code>
            </span>
          </label>
        ))}
        <label class="check">
          <input
            type="checkbox"
            checked={prefs.options.systemSsh}
            aria-describedby="system-ssh-hint"
            onChange={(event) => toggle('systemSsh', event.currentTarget.checked)}
          />
          <span>{t('optionSystemSsh')}</span>
        </label>
        <p id="system-ssh-hint" class="hint indented">
          {t('optionSystemSshHint')}
        </p>
      </div>
      <fieldset class="choice">
        <legend>{t('hostKeysLegend')}</legend>
        <label class="check">
          <input
            type="radio"
            name="host-keys"
            checked={prefs.options.hostKeys === 'ask'}
            onChange={() => toggle('hostKeys', 'ask')}
          />
          <span>{t('hostKeysAsk')}</span>
        </label>
        <label class="check">
          <input
            type="radio"
            name="host-keys"
            checked={prefs.options.hostKeys === 'accept-new'}
            onChange={() => toggle('hostKeys', 'accept-new')}
          />
          <span>
            {t('hostKeysAcceptNew')} <code>StrictHostKeyChecking=accept-new + HostKeyAlias</code>
          </span>
        </label>
      </fieldset>
      <p class="example-label">{t('commandExample', t(SHELL_NAMES[prefs.shell]))}</p>
      <pre class="example">
        <code>{example(prefs)}</code>
      </pre>
    </section>
  );
}
