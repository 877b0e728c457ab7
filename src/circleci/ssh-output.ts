// Reads the output of CircleCI's `Enable SSH` / `Wait for SSH` steps: every ssh target it prints, plus
// the metadata around it (docs/circleci-page.md#step-output-text). Only the `$ ssh …`
// lines matter for the command; everything else is optional and has changed wording over the years.

import { parseSshArguments, type SshTarget } from './ssh-target';

export interface Fingerprint {
  readonly hash: 'SHA256' | 'MD5';
  readonly value: string;
  /** The key type CircleCI printed beside it, e.g. `ED25519` or `rsa-sha2-512`. */
  readonly algorithm?: string;
}

export interface SshCommandLine {
  readonly target: SshTarget;
  /** Index of the line it was read from, so the UI can sit beside it. */
  readonly line: number;
}

export interface SshStepOutput {
  readonly commands: readonly SshCommandLine[];
  /** Lines that look like an ssh command but fail the grammar: shown as "not recognised", never copied. */
  readonly unrecognisedLines: readonly number[];
  readonly hostKeys: readonly Fingerprint[];
  /** The rerunning user's keys that CircleCI installed on the box. */
  readonly authorizedKeys: readonly Fingerprint[];
  /** From "This box will stay up for 2h0m0s, or until 10m0s passes without an active SSH session." */
  readonly stayUp?: { readonly maxSeconds: number; readonly idleSeconds: number };
  /** "Setting up SSH..." was printed and no command has arrived yet. */
  readonly settingUp: boolean;
  /** "Failed to enable SSH" (for example when the user has no SSH key). */
  readonly failed: boolean;
  /** The output opens with a `#!` shell line: a `run` step from the build's config, never CircleCI's own. */
  readonly isConfigRunStep: boolean;
}

/** Longest line worth reading: real command lines are under 100 characters. */
export const MAX_LINE_LENGTH = 512;

// CSI (colours, cursor), OSC (titles, links) and the remaining two-character ESC sequences.
const ANSI_ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]/g;
// A line-number gutter that ended up in the line's text ("12    $ ssh …").
const GUTTER = /^[ \t]*[0-9]{1,7}(?![0-9])/;
const SSH_LINE = /^(?:\$[ \t]*)?ssh[ \t]+([\x20-\x7e\t]+)$/;
const LOOKS_LIKE_SSH = /(?:^|\$)\s*ssh\s/;

const SHA256 = 'SHA256:([A-Za-z0-9+/]{43}=?)';
const MD5 = 'MD5:((?:[0-9a-f]{2}:){15}[0-9a-f]{2})';
const ALGORITHM = '\\(([A-Za-z0-9@._-]{1,40})\\)';
const LISTED_KEY = new RegExp(`^- ${SHA256}(?: ${ALGORITHM})?$`);
const BARE_SHA256 = new RegExp(`^${SHA256}$`);
const BARE_MD5 = new RegExp(`^${MD5}$`);
const LEGACY_HOST_FINGERPRINT = /^(?:- )?Host fingerprint: ((?:[0-9a-f]{2}:){15}[0-9a-f]{2})$/;
const STAY_UP = /This box will stay up for ([0-9hms.]+), or until ([0-9hms.]+) passes without an active SSH session/;
const GO_DURATION = /^(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+(?:\.[0-9]+)?)s)?$/;

/** Splits raw output the way a terminal would, including the separators a hostile log might use. */
export function splitOutputLines(text: string): string[] {
  return text.split(/\r\n|[\n\r\u0085\u2028\u2029]/);
}

/** Removes colour codes and a line-number gutter, then surrounding blanks. */
export function cleanLine(raw: string): string {
  return raw
    .slice(0, MAX_LINE_LENGTH * 4)
    .replace(ANSI_ESCAPES, '')
    .replace(GUTTER, '')
    .trim();
}

/** `2h0m0s` → 7200. Go's `time.Duration` string form, as CircleCI prints it. */
export function parseGoDuration(text: string): number | undefined {
  const match = GO_DURATION.exec(text);
  if (!match || text === '') return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

export function parseSshLine(line: string, proxyHosts?: readonly string[]): SshTarget | undefined {
  if (line.length > MAX_LINE_LENGTH) return undefined;
  const match = SSH_LINE.exec(line);
  return match ? parseSshArguments((match[1] ?? '').trim().split(/[ \t]+/), proxyHosts) : undefined;
}

type KeyList = 'hostKeys' | 'authorizedKeys' | 'legacyHostKey';

/** @param proxyHosts the SSH proxy hosts of this CircleCI installation (ssh.circleci.com on cloud) */
export function parseSshOutput(rawLines: readonly string[], proxyHosts?: readonly string[]): SshStepOutput {
  const lines = rawLines.map(cleanLine);
  const commands: SshCommandLine[] = [];
  const unrecognisedLines: number[] = [];
  const hostKeys: Fingerprint[] = [];
  const authorizedKeys: Fingerprint[] = [];
  let list: KeyList | undefined;
  let settingUp = false;
  let failed = false;

  lines.forEach((line, index) => {
    if (list && readListedKey(line, list, list === 'authorizedKeys' ? authorizedKeys : hostKeys)) return;
    list = undefined;

    if (line === 'Host keys:') list = 'hostKeys';
    else if (line === 'Authorized keys:') list = 'authorizedKeys';
    else if (line === 'RSA key fingerprint of the host is') list = 'legacyHostKey';
    else if (/^Setting up SSH(?:\.\.\.|…)$/.test(line)) settingUp = true;
    else if (line === 'Failed to enable SSH') failed = true;
    else {
      const legacy = LEGACY_HOST_FINGERPRINT.exec(line);
      if (legacy?.[1]) hostKeys.push({ hash: 'MD5', value: legacy[1] });
      const target = parseSshLine(line, proxyHosts);
      if (target) commands.push({ target, line: index });
      else if (LOOKS_LIKE_SSH.test(line)) unrecognisedLines.push(index);
    }
  });

  const stayUp = readStayUp(lines);
  return {
    commands,
    unrecognisedLines,
    hostKeys: unique(hostKeys),
    authorizedKeys: unique(authorizedKeys),
    ...(stayUp ? { stayUp } : {}),
    settingUp: settingUp && commands.length === 0,
    failed,
    isConfigRunStep: startsWithShellLine(lines),
  };
}

/** Whether the first line with text is a `#!` shell line, as every config `run` step's output starts. */
export function startsWithShellLine(rawLines: readonly string[]): boolean {
  for (const raw of rawLines) {
    const line = cleanLine(raw);
    if (line !== '') return line.startsWith('#!');
  }
  return false;
}

/** Reads one entry of a key list; false ends the list. */
function readListedKey(line: string, list: KeyList, into: Fingerprint[]): boolean {
  if (list === 'legacyHostKey') {
    const sha = BARE_SHA256.exec(line);
    const md5 = BARE_MD5.exec(line);
    if (sha?.[1]) into.push({ hash: 'SHA256', value: sha[1] });
    else if (md5?.[1]) into.push({ hash: 'MD5', value: md5[1] });
    return Boolean(sha || md5);
  }
  const match = LISTED_KEY.exec(line);
  if (!match?.[1]) return false;
  into.push({ hash: 'SHA256', value: match[1], ...(match[2] ? { algorithm: match[2] } : {}) });
  return true;
}

// The sentence is sometimes wrapped over two lines, so it is read from the joined text.
function readStayUp(lines: readonly string[]): SshStepOutput['stayUp'] {
  const match = STAY_UP.exec(lines.filter((line) => line.length <= MAX_LINE_LENGTH).join(' '));
  const maxSeconds = parseGoDuration(match?.[1] ?? '');
  const idleSeconds = parseGoDuration(match?.[2] ?? '');
  return maxSeconds === undefined || idleSeconds === undefined ? undefined : { maxSeconds, idleSeconds };
}

function unique(keys: readonly Fingerprint[]): Fingerprint[] {
  const byId = new Map(keys.map((key) => [`${key.hash}:${key.value}:${key.algorithm ?? ''}`, key]));
  return [...byId.values()];
}
