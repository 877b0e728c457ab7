// What a job page's SSH panel tells the background about its job (background/alerts.ts), validated like
// every message: closed keys, bounded numbers and text. The job itself is the sender's page, never named here.

import { MAX_CONTAINERS } from '../circleci/page-detect';

/** A job's name is short; anything longer is cut (it is shown as plain text in a notification). */
export const MAX_TITLE_LENGTH = 120;

export interface SshStatus {
  /** The job's name as its page shows it. */
  readonly title: string;
  /** Containers with a command to copy. */
  readonly ready: number;
  readonly total: number;
  /** Epoch ms: the earliest time to connect, and end of session, of the containers with a command. */
  readonly connectBy?: number;
  readonly sessionEndsBy?: number;
  /** The panel's "someone else's rerun" notice. */
  readonly someoneElse: boolean;
  /** The panel knows which keys CircleCI installed, so whether it is someone else's is settled. */
  readonly keysKnown: boolean;
  /** CircleCI no longer reports the job as running. */
  readonly ended: boolean;
}

const count = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_CONTAINERS;
const time = (value: unknown): value is number | undefined =>
  value === undefined || (typeof value === 'number' && Number.isFinite(value) && value > 0);
const FIELDS = ['type', 'title', 'ready', 'total', 'connectBy', 'sessionEndsBy', 'someoneElse', 'keysKnown', 'ended'];

export function parseSshStatus(message: Record<string, unknown>): SshStatus | undefined {
  const { title, ready, total, connectBy, sessionEndsBy, someoneElse, keysKnown, ended } = message;
  if (!Object.keys(message).every((key) => FIELDS.includes(key))) return undefined;
  if (typeof title !== 'string' || !count(ready) || !count(total) || ready > total) return undefined;
  if (
    !time(connectBy) ||
    !time(sessionEndsBy) ||
    [someoneElse, keysKnown, ended].some((flag) => typeof flag !== 'boolean')
  )
    return undefined;
  return {
    // The page's title may end in the job's number, which the notification says on its own.
    title: title
      .replace(/\s+/g, ' ')
      .replace(/\s*\(#?\d{1,9}\)\s*$/, '')
      .trim()
      .slice(0, MAX_TITLE_LENGTH),
    ready,
    total,
    ...(connectBy === undefined ? {} : { connectBy }),
    ...(sessionEndsBy === undefined ? {} : { sessionEndsBy }),
    someoneElse: someoneElse as boolean,
    keysKnown: keysKnown as boolean,
    ended: ended as boolean,
  };
}
