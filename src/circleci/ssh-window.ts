// How long a container's box stays reachable, for the countdown beside the copy button
// (docs/circleci-page.md#t9-time-limits, #t7-metadata, #t8-wait-for-ssh). The rules:
//
// * The clock starts when the container's `Wait for SSH` step starts. That is when the job's own steps
//   have finished (the docs' "10 minutes after the pipeline finishes running") and when CircleCI
//   prints "This box will stay up for 2h0m0s, or until 10m0s passes without an active SSH session".
//   Before then the box is busy with the build and nothing counts down, so there is no deadline.
// * connectBy = start + idle. A box nobody has connected to goes away then. A session restarts the
//   idle clock when it ends ("without an active SSH session"), which cannot be seen from here (the
//   activity log's format is unknown), so connectBy speaks for a box nobody has used yet.
// * sessionEndsBy = start + max. The docs do not say whether the maximum runs from the start of the
//   wait or from the first connection; the start is the earlier reading, so the countdown never
//   promises time the box may not have.
// * Without that sentence (the 2026 cloud output may no longer print it), CircleCI's documented limits
//   stand in: 10 minutes to connect, 2 hours of session (1 hour on the Free plan, which cannot be told
//   from here), and `assumed` says so.
// * A job CircleCI no longer reports as running has let its boxes go. An SSH rerun stays "running"
//   through Wait for SSH (support: SSH jobs "consume a concurrency slot while running"), so its end time
//   says nothing more than that.

import type { SshStepOutput } from './ssh-output';

export interface SshWindowInput {
  /** From the step output; absent when CircleCI did not print the sentence. */
  readonly stayUp?: SshStepOutput['stayUp'];
  /**
   * When this container's Wait for SSH step started (epoch ms): the API's action `start_time`
   * (api.ts `waitStartedAt`), or on the page the time it saw the step appear, or now minus the
   * step's shown duration. Each container has its own box, so its own start.
   */
  readonly waitStartedAt?: number;
  /** CircleCI still reports the job, and this container's Wait for SSH step, as running. */
  readonly running: boolean;
  readonly now: number;
}

export interface SshWindow {
  /** Epoch ms: connect before this, or a box nobody uses goes away. */
  readonly connectBy?: number;
  /** Epoch ms: the latest a session can last. */
  readonly sessionEndsBy?: number;
  /** The job has stopped, or the time to connect has passed. */
  readonly expired: boolean;
  /** The deadlines come from CircleCI's documented limits, not from the job's own output. */
  readonly assumed: boolean;
}

/** CircleCI's documented limits (docs/circleci-page.md#t9-time-limits): 10 minutes to connect, 2 hours of session. */
export const DOCUMENTED_STAY_UP = { maxSeconds: 2 * 60 * 60, idleSeconds: 10 * 60 } as const;

export function sshWindow({ stayUp, waitStartedAt, running, now }: SshWindowInput): SshWindow {
  const assumed = stayUp === undefined;
  if (!running) return { expired: true, assumed };
  if (waitStartedAt === undefined) return { expired: false, assumed };
  const { maxSeconds, idleSeconds } = stayUp ?? DOCUMENTED_STAY_UP;
  const connectBy = waitStartedAt + idleSeconds * 1000;
  const sessionEndsBy = waitStartedAt + maxSeconds * 1000;
  return { connectBy, sessionEndsBy, expired: now >= Math.min(connectBy, sessionEndsBy), assumed };
}
