import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

type CopyState = 'idle' | 'copied' | 'failed';
const CONFIRMATION_MS = 2000;

export interface CopyRowProps {
  /** The button's accessible name, e.g. `Copy SSH command for container 2`. */
  readonly name: string;
  /** Exactly what is copied, shown as text beside the button. */
  readonly text: string;
  /** The last check before the clipboard, run on the click. */
  readonly isSafe: () => boolean;
}

/** Text we built, shown as it will be copied, and the button that copies it with a visible, announced confirmation. */
export function CopyRow({ name, text, isSafe }: CopyRowProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    if (!isSafe()) return setState('failed');
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <div class="row">
      <code class="command">{text}</code>
      <button type="button" class="copy" aria-label={name} onClick={copy}>
        {state === 'copied' ? t('copiedButton') : t('copyButton')}
      </button>
      {/* The button already shows "Copied"; this region says it to screen readers, and shows failures. */}
      <span role="status" class={state === 'failed' ? 'status error' : 'visually-hidden'}>
        {state === 'copied' ? t('copiedAnnouncement', text) : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </div>
  );
}
