// One container's SSH step output through the API: with a token from the presigned output URL,
// through the page's session from the API host's raw output; parsed by the page's strict parser.

import { isRecord, optional } from '../shared/records';
import type { ContainerProblem, ContainerSsh, JobRef } from './api';
import { rawOutputBase } from './api-address';
import { getText, type HttpOptions } from './api-http';
import { parseJson, withCredentials } from './api-request';
import { type Action, ENABLE_SSH, text, WAIT_FOR_SSH } from './build-details';
import { parseSshOutput, type SshStepOutput, splitOutputLines } from './ssh-output';
import type { SshStepName } from './step-trust';

type StepRead = { readonly output: SshStepOutput } | { readonly problem: ContainerProblem };

/** One action's output as text, or why there is none. */
export type OutputReader = (
  action: Action,
) => Promise<{ readonly text: string } | { readonly problem: ContainerProblem }>;

/**
 * Enable SSH first; Wait for SSH repeats the instructions at the end of the job
 * (docs/circleci-page.md#t8-wait-for-ssh), so it stands in when Enable SSH has no command to give (no output,
 * expired URL, still setting up).
 */
export async function readContainer(
  container: number,
  enable: Action | undefined,
  wait: Action | undefined,
  output: OutputReader,
  proxyHosts: readonly string[] | undefined,
): Promise<ContainerSsh> {
  const reads: { action: Action; step: SshStepName; read: StepRead }[] = [];
  for (const [action, step] of [
    [enable, ENABLE_SSH],
    [wait, WAIT_FOR_SSH],
  ] as const) {
    if (action === undefined) continue;
    const read = await readStepOutput(action, output, proxyHosts);
    reads.push({ action, step, read });
    if (isUsable(read)) break;
  }
  // Without a command anywhere, the step that printed something (e.g. "Setting up SSH...") says most.
  const { action, step, read } = (reads.find((r) => isUsable(r.read)) ??
    reads.find((r) => 'output' in r.read) ??
    reads[0]) as (typeof reads)[number];
  return {
    container,
    step,
    ...optional('stepId', action.stepId),
    status: action.status,
    ...read,
    ...optional('waitStartedAt', wait?.startTime),
    ...optional('waitEndedAt', wait?.endTime),
  };
}

function isUsable(read: StepRead): boolean {
  return 'output' in read && (read.output.commands.length > 0 || read.output.failed);
}

async function readStepOutput(
  action: Action,
  output: OutputReader,
  proxyHosts: readonly string[] | undefined,
): Promise<StepRead> {
  if (!action.hasOutput) return { problem: 'no-output' };
  const read = await output(action);
  if ('problem' in read) return read;
  if (read.text.trim() === '') return { problem: 'no-output' };
  const parsed = parseSshOutput(splitOutputLines(read.text), proxyHosts);
  return parsed.isConfigRunStep ? { problem: 'config-step' } : { output: parsed };
}

/** With a token: the presigned `output_url`, `[{ type, time, message }]` (docs/circleci-page.md#a3-step-output-url). */
export function presignedOutput(http: HttpOptions): OutputReader {
  return async (action) => {
    if (action.outputUrl === undefined) return { problem: 'no-output' };
    if (!isHttps(action.outputUrl)) return { problem: 'unavailable' };
    // Presigned: it needs no credentials, and the token must never leave for another host.
    const answer = await getText(
      action.outputUrl,
      { headers: { Accept: 'application/json' }, credentials: 'omit', referrerPolicy: 'no-referrer' },
      http,
    );
    if (!answer.ok) return { problem: answer.problem === 'malformed' ? 'malformed' : 'unavailable' };
    // Each message carries its own line breaks.
    const messages = parseJson(answer.text);
    if (!Array.isArray(messages)) return { problem: 'malformed' };
    return { text: messages.map((entry) => (isRecord(entry) ? (text(entry.message) ?? '') : '')).join('') };
  };
}

/**
 * Through the page's session: the API host's raw output of one action, addressed by its container and
 * step id (docs/circleci-page.md#a7-session-route). `output_url` is never asked: it is another host,
 * and the session goes to the API alone.
 */
export function sessionOutput(origin: string, job: JobRef, http: HttpOptions): OutputReader {
  const base = rawOutputBase(origin, job);
  return async (action) => {
    if (base === undefined || action.stepId === undefined) return { problem: 'no-output' };
    const answer = await getText(`${base}/${action.index}/${action.stepId}`, withCredentials(undefined), http);
    if (!answer.ok) return { problem: answer.problem === 'malformed' ? 'malformed' : 'unavailable' };
    return { text: answer.text };
  };
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
