import { useEffect, useState } from 'preact/hooks';
import type { SshTarget } from '../circleci/ssh-target';
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
  readonly keyPath: string;
}

/** The command we would copy, shown as text, and the button that copies it. */
export function CopyCommand({ target, container, keyPath }: CopyCommandProps) {
  const [state, setState] = useState<CopyState>('idle');
  const command = commandFor(target, keyPath);

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
      await navigator.clipboard.writeText(command);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <div class="row">
      <code class="command">{command}</code>
      <button type="button" aria-label={copyLabel(container, target.shell)} onClick={copy}>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      {/* The button already shows "Copied"; this region says it to screen readers, and shows failures. */}
      <span role="status" class={state === 'failed' ? 'status error' : 'visually-hidden'}>
        {state === 'copied' ? `Copied: ${command}` : state === 'failed' ? 'Copy failed: the browser refused the clipboard.' : ''}
      </span>
    </div>
  );
}

export function UnrecognisedLine() {
  return <p class="problem">This line looks like an ssh command but was not recognised, so there is nothing to copy.</p>;
}
