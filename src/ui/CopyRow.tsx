/** @jsxImportSource #dom */
import { t } from '../shared/i18n';

const CONFIRMATION_MS = 2000;
/** Fired on the button once its text is on the clipboard. */
export const COPIED_EVENT = 'ssh-copy-copied';

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
  // The button already shows "Copied"; this region says it to screen readers, and shows failures.
  const status = (<span role="status" class="visually-hidden" />) as HTMLElement;
  const button = (
    <button type="button" class="copy" aria-label={name} onClick={() => void copy()}>
      {t('copyButton')}
    </button>
  ) as HTMLButtonElement;
  let reset: ReturnType<typeof setTimeout> | undefined;

  const show = (state: 'copied' | 'failed') => {
    button.textContent = state === 'copied' ? t('copiedButton') : t('copyButton');
    status.className = state === 'failed' ? 'status error' : 'visually-hidden';
    status.textContent = state === 'copied' ? t('copiedAnnouncement', text) : t('copyFailed');
    clearTimeout(reset);
    reset = setTimeout(() => {
      button.textContent = t('copyButton');
      status.className = 'visually-hidden';
      status.textContent = '';
    }, CONFIRMATION_MS);
  };

  const copy = async () => {
    if (!isSafe()) return show('failed');
    try {
      await navigator.clipboard.writeText(text);
      show('copied');
      // Out of the shadow root to the page's document, where the SSH panel tells the background.
      button.dispatchEvent(new Event(COPIED_EVENT, { bubbles: true, composed: true }));
    } catch {
      show('failed');
    }
  };

  return (
    <div class="row">
      <code class="command">{text}</code>
      {button}
      {status}
    </div>
  );
}
