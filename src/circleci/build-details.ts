// The v1.1 build details (docs/circleci-page.md#a1-build-details), validated field by field: a field
// that is missing or mistyped is left out, and only CircleCI's own SSH steps, in their place, are read.

import { isRecord, optional } from '../shared/records';
import type { SshStepName } from './step-trust';

export const ENABLE_SSH: SshStepName = 'Enable SSH';
export const WAIT_FOR_SSH: SshStepName = 'Wait for SSH';

export interface Action {
  readonly index: number;
  readonly stepId?: number;
  readonly status: string;
  readonly outputUrl?: string;
  readonly hasOutput: boolean;
  /**
   * `bash_command` is set: a config `run` step. CircleCI's own steps have none
   * (docs/circleci-page.md#a2-built-in-or-config-step).
   */
  readonly fromConfig: boolean;
  readonly startTime?: number;
  readonly endTime?: number;
}

export interface Step {
  readonly name: string;
  readonly actions: readonly Action[];
}

export interface BuildDetails {
  readonly steps: readonly Step[];
  readonly parallel?: number;
  readonly status?: string;
  readonly lifecycle?: string;
  readonly why?: string;
  readonly startTime?: number;
  readonly stopTime?: number;
  readonly sshUsers: string[];
  readonly user?: string;
}

/** Undefined unless the body is an object with `steps[]`; any other field that is missing or mistyped is left out. */
export function readBuildDetails(body: unknown): BuildDetails | undefined {
  if (!isRecord(body) || !Array.isArray(body.steps)) return undefined;
  const user = isRecord(body.user) ? text(body.user.login) : undefined;
  const sshUsers = Array.isArray(body.ssh_users)
    ? body.ssh_users.flatMap((entry) => {
        const login = isRecord(entry) ? text(entry.login) : undefined;
        return login === undefined ? [] : [login];
      })
    : [];
  const parallel = count(body.parallel);
  return {
    steps: body.steps.flatMap((step) => {
      const read = readStep(step);
      return read ? [read] : [];
    }),
    ...optional('parallel', parallel === undefined || parallel < 1 ? undefined : parallel),
    ...optional('status', text(body.status)),
    ...optional('lifecycle', text(body.lifecycle)),
    ...optional('why', text(body.why)),
    ...optional('startTime', time(body.start_time)),
    ...optional('stopTime', time(body.stop_time)),
    sshUsers,
    ...optional('user', user),
  };
}

function readStep(value: unknown): Step | undefined {
  if (!isRecord(value) || typeof value.name !== 'string') return undefined;
  const actions = Array.isArray(value.actions) ? value.actions : [];
  return {
    name: value.name,
    actions: actions.flatMap((action) => {
      const read = readAction(action);
      return read ? [read] : [];
    }),
  };
}

function readAction(value: unknown): Action | undefined {
  if (!isRecord(value)) return undefined;
  const index = count(value.index);
  if (index === undefined) return undefined;
  return {
    index,
    ...optional('stepId', count(value.step)),
    status: text(value.status) ?? 'unknown',
    ...optional('outputUrl', text(value.output_url)),
    hasOutput: value.has_output === true,
    fromConfig: typeof value.bash_command === 'string' && value.bash_command !== '',
    ...optional('startTime', time(value.start_time)),
    ...optional('endTime', time(value.end_time)),
  };
}

/**
 * The one step with exactly this name whose actions are all CircleCI's own, in CircleCI's place:
 * Enable SSH before every config step, Wait for SSH after them all. A config step may take the same
 * name and is never read; when two could be the real one, or the one left is out of place, neither
 * is (docs/security.md#s2-trusted-ssh-steps).
 */
export function builtInStep(steps: readonly Step[], name: SshStepName): Step | undefined {
  const fromConfig = (step: Step) => step.actions.some((action) => action.fromConfig);
  const named = steps.filter((step) => step.name === name && !fromConfig(step));
  const [step] = named;
  if (step === undefined || named.length > 1) return undefined;
  const position = steps.indexOf(step);
  const inPlace = steps.every(
    (other, at) => !fromConfig(other) || (name === ENABLE_SSH ? at > position : at < position),
  );
  return inPlace ? step : undefined;
}

export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;

// v1.1 writes times as ISO 8601 in UTC (`2017-06-20T18:15:42.036Z`); Date.parse alone accepts far more.
const ISO_TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?(?:Z|[+-][0-9]{2}:[0-9]{2})$/;
function time(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_TIME.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
