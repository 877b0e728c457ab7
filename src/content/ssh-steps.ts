// What copy-ssh-command trusted, for the job SSH panel: a channel inside the content script's own
// world. Not a DOM event: the page shares the DOM and could dispatch one with lines of its choosing.

import type { SshStepName } from '../circleci/step-trust';

export interface TrustedSshStep {
  readonly container: number;
  readonly step: SshStepName;
  readonly lines: readonly string[];
  /** For Wait for SSH: when it began, from the duration its row shows (the box's clock starts then). */
  readonly startedAt?: number;
}

const listeners = new Set<(step: TrustedSshStep) => void>();

export function announceSshStep(step: TrustedSshStep): void {
  for (const listener of listeners) listener(step);
}

export function onSshStep(listener: (step: TrustedSshStep) => void, signal: AbortSignal): void {
  listeners.add(listener);
  signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
}
