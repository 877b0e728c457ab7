import { useEffect, useState } from 'preact/hooks';
import type { SshTarget } from '../circleci/ssh-target';
import type { Distrust } from '../circleci/step-trust';
import type { Prefs } from '../shared/prefs';
import { commandFor, isSafeToPaste } from '../shared/ssh-command';

/** The accessible name other tools and tests rely on: `Copy SSH command for container 2 (cmd.exe)`. */
export function copyLabel(container: number, shell?: string): string {
  return `Copy SSH command for container ${container}${shell ? ` (${shell})` : ''}`;
}

type CopyState = 'idle' | 'copied' | 'failed';
const CONFIRMATION_MS = 2000;

export interface CopyCommandProps {
  readonly target: SshTarget;
  readonly container: number;
  readonly prefs: Prefs;
}

/** The command we would copy, shown as text, and the button that copies it. */
export function CopyCommand({ target, container, prefs }: CopyCommandProps) {
  const [state, setState] = useState<CopyState>('idle');
  const command = commandFor(target, prefs.keyPath, prefs.shell);

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);

  if (command === undefined) {
    return (
      <p class="problem">
        Your saved SSH key path can't be used in a command. Open the CircleCI SSH Copy popup to fix it.
      </p>
    );
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
    <div class="row">
      <code class="command">{command.text}</code>
      <button type="button" aria-label={copyLabel(container, target.shell)} onClick={copy}>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      {/* The button already shows "Copied"; this region says it to screen readers, and shows failures. */}
      <span role="status" class={state === 'failed' ? 'status error' : 'visually-hidden'}>
        {state === 'copied'
          ? `Copied: ${command.text}`
          : state === 'failed'
            ? 'Copy failed: the browser refused the clipboard.'
            : ''}
      </span>
    </div>
  );
}

export function UnrecognisedLine() {
  return (
    <p class="problem">This line looks like an ssh command but was not recognised, so there is nothing to copy.</p>
  );
}

const DISTRUST_MESSAGES: Record<Distrust, (step: string) => string> = {
  'config-step': (step) =>
    `Not copied: this "${step}" step is a run step from the job's configuration (its output starts with a shell line), not CircleCI's own.`,
  duplicate: (step) =>
    `Not copied: more than one step is named "${step}". Expand the others; once they show they are run steps from the configuration, the real one can be copied.`,
  'out-of-order': (step) =>
    `Not copied: this "${step}" step is not where CircleCI puts its own, so it may come from the job's configuration.`,
  disagree: () =>
    'Not copied: Enable SSH and Wait for SSH print different targets. Check the job output before connecting.',
};

/** In place of a copy button, on a line we will not copy from. */
export function StepWarning({ reason, step }: { readonly reason: Distrust; readonly step: string }) {
  return (
    <p class="problem" role="note">
      {DISTRUST_MESSAGES[reason](step)}
    </p>
  );
}
