import { useEffect, useState } from 'preact/hooks';
import type { SshTarget } from '../circleci/ssh-target';
import type { Distrust } from '../circleci/step-trust';
import { t } from '../shared/i18n';
import { type CommandSettings, commandFor, isSafeToPaste } from '../shared/ssh-command';
import { KeyForProject, type KeyForProjectProps } from './KeyForProject';

/** The accessible name other tools and tests rely on: `Copy SSH command for container 2 (cmd.exe)`. */
export function copyLabel(container: number, shell?: string): string {
  return shell ? t('copyLabelWithShell', String(container), shell) : t('copyLabel', String(container));
}

type CopyState = 'idle' | 'copied' | 'failed';
const CONFIRMATION_MS = 2000;

export interface CopyCommandProps {
  readonly target: SshTarget;
  readonly container: number;
  readonly settings: CommandSettings;
  /** The first command of a step also shows which key applies and why. */
  readonly keyControl?: KeyForProjectProps;
}

/** The command we would copy, shown as text, and the button that copies it. */
export function CopyCommand({ target, container, settings, keyControl }: CopyCommandProps) {
  const [state, setState] = useState<CopyState>('idle');
  const command = commandFor(target, settings);

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);

  if (command === undefined) {
    return <p class="problem">{t('keyUnusable')}</p>;
  }

  const copy = async () => {
    // The last check before the clipboard; the grammar and key check already passed.
    if (!isSafeToPaste(command)) return setState('failed');
    try {
      await navigator.clipboard.writeText(command.text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <>
      <div class="row">
        <code class="command">{command.text}</code>
        <button type="button" class="copy" aria-label={copyLabel(container, target.shell)} onClick={copy}>
          {state === 'copied' ? t('copiedButton') : t('copyButton')}
        </button>
        {/* The button already shows "Copied"; this region says it to screen readers, and shows failures. */}
        <span role="status" class={state === 'failed' ? 'status error' : 'visually-hidden'}>
          {state === 'copied' ? t('copiedAnnouncement', command.text) : state === 'failed' ? t('copyFailed') : ''}
        </span>
      </div>
      {keyControl && <KeyForProject {...keyControl} />}
    </>
  );
}

export function UnrecognisedLine() {
  return <p class="problem">{t('lineNotRecognised')}</p>;
}

const DISTRUST_MESSAGES: Record<Distrust, (step: string) => string> = {
  'config-step': (step) => t('distrustConfigStep', step),
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
