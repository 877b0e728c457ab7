// What the content script read on a job page, as the popup and `npm run check-page` are told it:
// counts and verdicts only, never log text, so it can go into a bug report as it is.

import { isSshStepName, type SshStepName } from '../circleci/step-trust';
import { isRecord } from '../shared/records';

export interface SshStepStatus {
  readonly step: SshStepName;
  readonly container: number;
  /** `trusted`, or why not (step-trust.ts). */
  readonly verdict: string;
  /** Its output is not on the page (a collapsed step): nothing of it could be read yet. */
  readonly collapsed: boolean;
  readonly commands: number;
  readonly unrecognised: number;
}

export interface PageStatus {
  /** False when the page shows an SSH step and an ssh line but the extension could place nothing beside it. */
  readonly readable: boolean;
  /** Steps found by their hooks (docs/circleci-page.md#d1-step-header-button). */
  readonly steps: number;
  readonly sshSteps: readonly SshStepStatus[];
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export function parsePageStatus(message: unknown): PageStatus | undefined {
  if (!isRecord(message) || typeof message.readable !== 'boolean' || !isCount(message.steps)) return undefined;
  if (!Array.isArray(message.sshSteps) || message.sshSteps.length > 1000) return undefined;
  const sshSteps = message.sshSteps.filter(
    (step): step is SshStepStatus =>
      isRecord(step) &&
      typeof step.step === 'string' &&
      isSshStepName(step.step) &&
      typeof step.verdict === 'string' &&
      /^[a-z-]{1,20}$/.test(step.verdict) &&
      isCount(step.container) &&
      typeof step.collapsed === 'boolean' &&
      isCount(step.commands) &&
      isCount(step.unrecognised),
  );
  return { readable: message.readable, steps: message.steps, sshSteps };
}
