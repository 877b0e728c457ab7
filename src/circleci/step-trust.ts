// Which Enable SSH / Wait for SSH steps are CircleCI's own. Whoever controls the build config can
// name a `run` step "Enable SSH" and print any ssh line, so the name alone proves nothing
// (docs/security.md#s2-trusted-ssh-steps, docs/circleci-page.md#t6-run-step-shell-line). What does:
// - a `run` step's output starts with its shell line (`#!/bin/bash -eo pipefail`); CircleCI's own
//   SSH steps print no such line;
// - CircleCI's Enable SSH comes before the config's steps, and Wait for SSH after all of them;
// - each container has one of each, and both print the same targets.

import type { SshTarget } from './ssh-target';

export const SSH_STEP_NAMES = ['Enable SSH', 'Wait for SSH'] as const;
export type SshStepName = (typeof SSH_STEP_NAMES)[number];

export function isSshStepName(name: string): name is SshStepName {
  return (SSH_STEP_NAMES as readonly string[]).includes(name);
}

export interface StepFacts {
  readonly name: string;
  /** True when the output is on screen and starts with a shell line; undefined while collapsed. */
  readonly isConfigRunStep?: boolean;
  /** The targets an SSH step printed, once its output is on screen. */
  readonly targets?: readonly SshTarget[];
}

export type Distrust =
  /** Its output starts with a shell line: a `run` step from the config. */
  | 'config-step'
  /** Another step of the same name may be the real one. */
  | 'duplicate'
  /** Enable SSH after a config step, or Wait for SSH before one. */
  | 'out-of-order'
  /** Enable SSH and Wait for SSH print different targets. */
  | 'disagree';

export type Verdict = { readonly trusted: true } | { readonly trusted: false; readonly reason: Distrust };

/** The verdict for every SSH step of one container, by index in `steps` (in page order). */
export function judgeSshSteps(steps: readonly StepFacts[]): Map<number, Verdict> {
  const verdicts = new Map<number, Verdict>();
  const configSteps = steps.flatMap((step, index) => (step.isConfigRunStep ? [index] : []));
  const trustedByName = new Map<SshStepName, number>();

  steps.forEach((step, index) => {
    if (!isSshStepName(step.name)) return;
    const sameName = steps.filter((other) => other.name === step.name && other.isConfigRunStep !== true);
    const outOfOrder =
      step.name === 'Enable SSH'
        ? configSteps.some((config) => config < index)
        : configSteps.some((config) => config > index);
    const reason: Distrust | undefined = step.isConfigRunStep
      ? 'config-step'
      : sameName.length > 1
        ? 'duplicate'
        : outOfOrder
          ? 'out-of-order'
          : undefined;
    verdicts.set(index, reason ? { trusted: false, reason } : { trusted: true });
    if (!reason) trustedByName.set(step.name, index);
  });

  const enable = trustedByName.get('Enable SSH');
  const wait = trustedByName.get('Wait for SSH');
  if (enable !== undefined && wait !== undefined && !sameTargets(steps[enable]?.targets, steps[wait]?.targets)) {
    verdicts.set(enable, { trusted: false, reason: 'disagree' });
    verdicts.set(wait, { trusted: false, reason: 'disagree' });
  }
  return verdicts;
}

/** Equal sets of destinations and shells; `-t` may differ (Windows jobs print it in one step only). */
function sameTargets(a: readonly SshTarget[] | undefined, b: readonly SshTarget[] | undefined): boolean {
  if (!a?.length || !b?.length) return true; // nothing to compare yet
  const key = (target: SshTarget) => [target.user ?? '', target.host, target.port ?? '', target.shell ?? ''].join(' ');
  const setA = new Set(a.map(key));
  const setB = new Set(b.map(key));
  return setA.size === setB.size && [...setA].every((item) => setB.has(item));
}
