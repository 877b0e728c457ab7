// The job SSH panel's rows, from what the page showed (this visit and earlier ones this session) and,
// with a token, from CircleCI's API. Pure: every text goes through the same strict parser as the page.

import type { JobSsh } from '../circleci/api';
import { MAX_CONTAINERS } from '../circleci/page-detect';
import { parseSshOutput, type SshStepOutput } from '../circleci/ssh-output';
import { sshWindow } from '../circleci/ssh-window';
import type { PanelRow } from '../ui/SshPanel';

export interface SeenContainer {
  readonly enable?: readonly string[];
  readonly wait?: readonly string[];
  /** When a page first showed its Wait for SSH output. */
  readonly waitStartedAt?: number;
}

export interface RowsInput {
  readonly seen: ReadonlyMap<number, SeenContainer>;
  readonly api?: JobSsh;
  readonly runLinks: ReadonlyMap<number, string>;
  readonly proxyHosts: readonly string[];
  readonly now: number;
}

export interface PanelModel {
  readonly rows: readonly PanelRow[];
  /** The job was rerun with SSH: only then is there a panel. */
  readonly isSshJob: boolean;
  /** An SSH rerun whose Enable SSH step never gave a command: the user has no SSH key at CircleCI. */
  readonly noKey: boolean;
  /** `SHA256:…` of the keys CircleCI installed, from any container. */
  readonly authorizedKeys: readonly string[];
}

const withCommand = (output: SshStepOutput | undefined) => (output?.commands.length ? output : undefined);

export function panelModel({ seen, api, runLinks, proxyHosts, now }: RowsInput): PanelModel {
  const count = Math.min(
    MAX_CONTAINERS,
    Math.max(api?.parallel ?? 0, ...[...runLinks.keys(), ...seen.keys()].map((index) => index + 1), 1),
  );
  const apiByContainer = new Map(api?.containers.map((container) => [container.container, container]));
  const running = api === undefined || api.lifecycle !== 'finished';
  const rows: PanelRow[] = [];
  const authorized = new Set<string>();
  let failed = false;

  for (let container = 0; container < count; container++) {
    const page = seen.get(container);
    const enable = page?.enable && parseSshOutput(page.enable, proxyHosts);
    const wait = page?.wait && parseSshOutput(page.wait, proxyHosts);
    const fromApi = apiByContainer.get(container);
    const output =
      withCommand(enable) ?? withCommand(wait) ?? withCommand(fromApi?.output) ?? enable ?? fromApi?.output;
    for (const each of [enable, wait, fromApi?.output])
      for (const key of each?.authorizedKeys ?? []) authorized.add(`${key.hash}:${key.value}`);
    failed ||= Boolean(output?.failed);
    const window = sshWindow({
      stayUp: wait?.stayUp ?? output?.stayUp,
      running,
      now,
      ...pick('waitStartedAt', fromApi?.waitStartedAt ?? page?.waitStartedAt),
    });
    rows.push({ container, window, ...pick('output', output), ...pick('runHref', runLinks.get(container)) });
  }

  const sshRerunWithoutStep = api !== undefined && api.why === 'ssh' && !api.hasSshStep;
  return {
    rows,
    isSshJob: seen.size > 0 || api?.hasSshStep === true || api?.why === 'ssh',
    noKey: failed || sshRerunWithoutStep,
    authorizedKeys: [...authorized],
  };
}

/** `{ [key]: value }`, or nothing for undefined (exactOptionalPropertyTypes). */
function pick<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The background's figures for the badge and notifications (shared/ssh-status.ts), from the panel's rows. */
export function panelStatus(rows: readonly PanelRow[]) {
  const ready = rows.filter((row) => row.output?.commands.length);
  const earliest = (times: (number | undefined)[]) => {
    const known = times.filter((time) => time !== undefined);
    return known.length > 0 ? Math.min(...known) : undefined;
  };
  return {
    ready: ready.length,
    total: rows.length,
    ...pick('connectBy', earliest(ready.map((row) => row.window.connectBy))),
    ...pick('sessionEndsBy', earliest(ready.map((row) => row.window.sessionEndsBy))),
    // sshWindow has no deadline for a job CircleCI no longer runs.
    ended: rows.length > 0 && rows.every((row) => row.window.expired && row.window.connectBy === undefined),
  };
}
