/** @jsxImportSource #dom */
import type { SshTarget } from '../circleci/ssh-target';
import { parsePort } from '../circleci/ssh-target';
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
} from '../command/recipes';
import { type CommandSettings, isSafeToPaste, type SshCommand } from '../command/ssh-command';
import { t } from '../shared/i18n';
import { CopyRow } from './CopyRow';
import { Disclosure } from './Disclosure';

/** What the user did in the menu; kept by the widget, so a redraw (new preferences) keeps it. */
export interface RecipesState {
  open: boolean;
  path: string;
  customPort: string;
}

export const initialRecipesState = (): RecipesState => ({ open: false, path: DEFAULT_REMOTE_PATH, customPort: '' });

export interface RecipesProps {
  readonly target: SshTarget;
  readonly container: number;
  readonly settings: CommandSettings;
  /** The project's VCS (`github`, `bitbucket`, …), for the key check against it. */
  readonly vcs: string;
  readonly jobNumber: number;
  /** `SHA256:…` of the keys CircleCI installed for the user who started the rerun. */
  readonly authorizedKeys: readonly string[];
  readonly state: RecipesState;
}

const VCS_NAMES: Record<string, string> = { github: 'GitHub', gh: 'GitHub', bitbucket: 'Bitbucket', bb: 'Bitbucket' };

function CommandRow({ name, command }: { readonly name: string; readonly command: SshCommand | undefined }) {
  return command ? <CopyRow name={name} text={command.text} isSafe={() => isSafeToPaste(command)} /> : null;
}

/** Rows that follow an input: rebuilt in place as the user types, the input itself untouched. */
function Live({ rows }: { readonly rows: () => Node | null }) {
  const slot = (<div class="live" />) as HTMLElement;
  const draw = () => slot.replaceChildren(rows() ?? '');
  draw();
  return Object.assign(slot, { draw });
}

/** The other commands for a container, in a compact disclosure beside its main button. */
export function Recipes(props: RecipesProps) {
  const { state } = props;
  return (
    <Disclosure
      class="recipes"
      label={t('recipesSummary', String(props.container))}
      open={state.open}
      onToggle={(open) => {
        state.open = open;
      }}
      content={() => <RecipeList {...props} />}
    />
  );
}

function RecipeList({ target, container, settings, vcs, jobNumber, authorizedKeys, state }: RecipesProps) {
  const n = String(container);
  const alias = configAlias(jobNumber, container);
  const block = sshConfigBlock(target, settings, alias);
  const vcsName = VCS_NAMES[vcs];

  const fileRows = Live({
    rows: () =>
      isRemotePath(state.path) ? (
        <>
          <CommandRow name={t('recipeScp', n)} command={scpDownload(target, settings, state.path)} />
          {rsyncDownload(target, settings, state.path) ? (
            <CommandRow name={t('recipeRsync', n)} command={rsyncDownload(target, settings, state.path)} />
          ) : (
            <p class="hint">{t('recipeRsyncUnavailable')}</p>
          )}
        </>
      ) : (
        <p class="problem">{t('recipesRemotePathProblem')}</p>
      ),
  });
  const portRows = Live({
    rows: () => {
      const port = parsePort(state.customPort);
      if (port !== undefined)
        return (
          <CommandRow name={t('recipeForwardPort', String(port), n)} command={portForward(target, settings, port)} />
        );
      return state.customPort === '' ? null : <p class="problem">{t('recipesPortProblem')}</p>;
    },
  });

  return (
    <>
      <h3>{t('recipesFiles')}</h3>
      <label class="inline">
        {t('recipesRemotePath')}{' '}
        <input
          type="text"
          value={state.path}
          spellcheck={false}
          aria-invalid={!isRemotePath(state.path)}
          onInput={(event) => {
            state.path = event.currentTarget.value;
            event.currentTarget.setAttribute('aria-invalid', String(!isRemotePath(state.path)));
            fileRows.draw();
          }}
        />
      </label>
      {fileRows}

      <h3>{t('recipesPorts')}</h3>
      {target.shell !== undefined && (
        <>
          <p class="hint">{t('recipeRdpHint', String(RDP.local))}</p>
          <CommandRow name={t('recipeRdp', n)} command={portForward(target, settings, RDP.remote, RDP.local)} />
        </>
      )}
      {PORT_PRESETS.map(({ name, remote }) => (
        <CommandRow
          name={t('recipeForward', String(remote), name, n)}
          command={portForward(target, settings, remote)}
        />
      ))}
      <label class="inline">
        {t('recipesOtherPort')}{' '}
        <input
          type="text"
          inputMode="numeric"
          value={state.customPort}
          size={6}
          aria-invalid={state.customPort !== '' && parsePort(state.customPort) === undefined}
          onInput={(event) => {
            state.customPort = event.currentTarget.value.trim();
            const invalid = state.customPort !== '' && parsePort(state.customPort) === undefined;
            event.currentTarget.setAttribute('aria-invalid', String(invalid));
            portRows.draw();
          }}
        />
      </label>
      {portRows}

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
            <li>
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
