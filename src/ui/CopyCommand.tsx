/** @jsxImportSource #dom */
import type { SshTarget } from '../circleci/ssh-target';
import type { Distrust } from '../circleci/step-trust';
import { type CommandSettings, commandFor, isSafeToPaste } from '../command/ssh-command';
import { t } from '../shared/i18n';
import { CopyRow } from './CopyRow';
import { KeyForProject, type KeyForProjectProps } from './KeyForProject';
import { Recipes, type RecipesProps } from './Recipes';

/** The accessible name other tools and tests rely on: `Copy SSH command for container 2 (cmd.exe)`. */
export function copyLabel(container: number, shell?: string): string {
  return shell ? t('copyLabelWithShell', String(container), shell) : t('copyLabel', String(container));
}

export interface CopyCommandProps {
  readonly target: SshTarget;
  readonly container: number;
  readonly settings: CommandSettings;
  /** One command of the container also shows which key applies and why. */
  readonly keyControl?: KeyForProjectProps | false;
  /** The first command of a step also offers the other commands for this container. */
  readonly recipes?: RecipesProps | false;
}

/** The command we would copy, shown as text, and the button that copies it. */
export function CopyCommand({ target, container, settings, keyControl, recipes }: CopyCommandProps) {
  const command = commandFor(target, settings);
  if (command === undefined) return <p class="problem">{t('keyUnusable')}</p>;
  return (
    <>
      {/* The last check before the clipboard; the grammar and key check already passed. */}
      <CopyRow name={copyLabel(container, target.shell)} text={command.text} isSafe={() => isSafeToPaste(command)} />
      {keyControl && <KeyForProject {...keyControl} />}
      {recipes && <Recipes {...recipes} />}
    </>
  );
}

/** Once per step, however many lines it prints that look like ssh commands and fail the grammar. */
export function UnrecognisedLines({ count }: { readonly count: number }) {
  return (
    <p class="problem">{count === 1 ? t('lineNotRecognised') : t('linesNotRecognised', count.toLocaleString())}</p>
  );
}

const DISTRUST_MESSAGES: Record<Distrust, (step: string) => string> = {
  'config-step': (step) => t('distrustConfigStep', step),
  'config-command': (step) => t('distrustConfigCommand', step),
  unproven: (step) => t('distrustUnproven', step),
  duplicate: (step) => t('distrustDuplicate', step),
  'out-of-order': (step) => t('distrustOutOfOrder', step),
  disagree: () => t('distrustDisagree'),
};

/** In place of a copy button, on a line we will not copy from. */
export function StepWarning({ reason, step }: { readonly reason: Distrust; readonly step: string }) {
  return (
    <p class="problem" role="note">
      {DISTRUST_MESSAGES[reason](step)}
    </p>
  );
}
