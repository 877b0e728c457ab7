import { useState } from 'preact/hooks';
import type { SshTarget } from '../circleci/ssh-target';
import { parsePort } from '../circleci/ssh-target';
import { t } from '../shared/i18n';
import {
  cleanShell,
  configAlias,
  DEFAULT_REMOTE_PATH,
  isRemotePath,
  isSafeConfigBlock,
  keyCheck,
  looksLikeRsaKey,
  PORT_PRESETS,
  portForward,
  RDP,
  rsyncDownload,
  scpDownload,
  sshConfigBlock,
  verboseCommand,
  vscodeLink,
} from '../shared/recipes';
import { type CommandSettings, isSafeToPaste, type SshCommand } from '../shared/ssh-command';
import { CopyRow } from './CopyRow';

export interface RecipesProps {
  readonly target: SshTarget;
  readonly container: number;
  readonly settings: CommandSettings;
  /** The project's VCS (`github`, `bitbucket`, …), for the key check against it. */
  readonly vcs: string;
  readonly jobNumber: number;
  /** `SHA256:…` of the keys CircleCI installed for the user who started the rerun. */
  readonly authorizedKeys: readonly string[];
}

const VCS_NAMES: Record<string, string> = { github: 'GitHub', gh: 'GitHub', bitbucket: 'Bitbucket', bb: 'Bitbucket' };

function CommandRow({ name, command }: { readonly name: string; readonly command: SshCommand | undefined }) {
  return command ? <CopyRow name={name} text={command.text} isSafe={() => isSafeToPaste(command)} /> : null;
}

/** The other commands for a container, in a compact disclosure beside its main button. */
export function Recipes(props: RecipesProps) {
  // Built only when opened: most visits never open it, and every SSH line carries one.
  const [open, setOpen] = useState(false);
  return (
    <details class="recipes" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('recipesSummary', String(props.container))}</summary>
      {open && <RecipeList {...props} />}
    </details>
  );
}

function RecipeList({ target, container, settings, vcs, jobNumber, authorizedKeys }: RecipesProps) {
  const [path, setPath] = useState(DEFAULT_REMOTE_PATH);
  const [customPort, setCustomPort] = useState('');
  const n = String(container);
  const pathValid = isRemotePath(path);
  const port = parsePort(customPort);
  const alias = configAlias(jobNumber, container);
  const block = sshConfigBlock(target, settings, alias);
  const vcsName = VCS_NAMES[vcs];

  return (
    <>
      <h3>{t('recipesFiles')}</h3>
      <label class="inline">
        {t('recipesRemotePath')}{' '}
        <input
          type="text"
          value={path}
          spellcheck={false}
          aria-invalid={!pathValid}
          onInput={(event) => setPath(event.currentTarget.value)}
        />
      </label>
      {pathValid ? (
        <>
          <CommandRow name={t('recipeScp', n)} command={scpDownload(target, settings, path)} />
          {rsyncDownload(target, settings, path) ? (
            <CommandRow name={t('recipeRsync', n)} command={rsyncDownload(target, settings, path)} />
          ) : (
            <p class="hint">{t('recipeRsyncUnavailable')}</p>
          )}
        </>
      ) : (
        <p class="problem">{t('recipesRemotePathProblem')}</p>
      )}

      <h3>{t('recipesPorts')}</h3>
      {target.shell !== undefined && (
        <>
          <p class="hint">{t('recipeRdpHint', String(RDP.local))}</p>
          <CommandRow name={t('recipeRdp', n)} command={portForward(target, settings, RDP.remote, RDP.local)} />
        </>
      )}
      {PORT_PRESETS.map(({ name, remote }) => (
        <CommandRow
          key={remote}
          name={t('recipeForward', String(remote), name, n)}
          command={portForward(target, settings, remote)}
        />
      ))}
      <label class="inline">
        {t('recipesOtherPort')}{' '}
        <input
          type="text"
          inputMode="numeric"
          value={customPort}
          size={6}
          aria-invalid={customPort !== '' && port === undefined}
          onInput={(event) => setCustomPort(event.currentTarget.value.trim())}
        />
      </label>
      {port !== undefined && (
        <CommandRow name={t('recipeForwardPort', String(port), n)} command={portForward(target, settings, port)} />
      )}
      {customPort !== '' && port === undefined && <p class="problem">{t('recipesPortProblem')}</p>}

      {target.shell === undefined && (
        <>
          <h3>{t('recipesShell')}</h3>
          <CommandRow name={t('recipeCleanShell', n)} command={cleanShell(target, settings)} />
        </>
      )}

      <h3>{t('recipesEditors')}</h3>
      {block ? (
        <>
          <CopyRow name={t('recipeConfigBlock', n)} text={block} isSafe={() => isSafeConfigBlock(block)} />
          <p class="hint">
            {t('recipeVscodeHint', alias)} <a href={vscodeLink(alias)}>{t('recipeVscode')}</a>
          </p>
        </>
      ) : (
        <p class="hint">{t('recipeConfigBlockUnavailable')}</p>
      )}

      <h3>{t('troubleshootingHeading')}</h3>
      {vcsName && <CommandRow name={t('troubleshootingKeyCheck', vcsName, n)} command={keyCheck(vcs, settings)} />}
      <CommandRow name={t('troubleshootingVerbose', n)} command={verboseCommand(target, settings)} />
      <p class="hint">{t('troubleshootingRerunUser')}</p>
      {authorizedKeys.length > 0 && (
        <ul class="fingerprints" aria-label={t('troubleshootingAuthorizedKeys')}>
          {authorizedKeys.map((key) => (
            <li key={key}>
              <code>{key}</code>
            </li>
          ))}
        </ul>
      )}
      {looksLikeRsaKey(settings.keyPath) && <p class="problem">{t('troubleshootingRsa')}</p>}
      <p class="hint">{t('troubleshootingSystemSsh')}</p>
    </>
  );
}
