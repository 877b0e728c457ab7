// The job SSH panel's rows, from three sources in one model: CircleCI's API read with the page's
// session, the same API with a token, and what the page showed (this visit and earlier ones this
// session). Whichever has a container fills its row, and the others refine it; when two name different
// targets for one container, the row warns and offers nothing (the rule for disagreeing steps,
// docs/security.md#s2-trusted-ssh-steps, across sources). Pure: every text goes through the same strict
// parser as the page.

import type { JobSsh } from '../circleci/api';
import { MAX_CONTAINERS } from '../circleci/page-detect';
import { parseSshOutput, type SshStepOutput } from '../circleci/ssh-output';
import { sshWindow } from '../circleci/ssh-window';
import { optional } from '../shared/records';
import type { PanelRow, PanelSource } from '../ui/SshPanel';

export interface SeenContainer {
  readonly enable?: readonly string[];
  readonly wait?: readonly string[];
  /** When a page first showed its Wait for SSH output. */
  readonly waitStartedAt?: number;
}

export interface RowsInput {
  readonly seen: ReadonlyMap<number, SeenContainer>;
  /** CircleCI's answer with the page's session. */
  readonly session?: JobSsh;
  /** CircleCI's answer with the user's token. */
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
  /** The sources that gave at least one container's command. */
  readonly sources: readonly PanelSource[];
}

const withCommand = (output: SshStepOutput | undefined) => (output?.commands.length ? output : undefined);

export function panelModel({ seen, session, api, runLinks, proxyHosts, now }: RowsInput): PanelModel {
  const jobs = [session, api].filter((job) => job !== undefined);
  const count = Math.min(
    MAX_CONTAINERS,
    Math.max(...jobs.map((job) => job.parallel), ...[...runLinks.keys(), ...seen.keys()].map((index) => index + 1), 1),
  );
  const byContainer = (job: JobSsh | undefined) => new Map(job?.containers.map((each) => [each.container, each]));
  const sessionByContainer = byContainer(session);
  const apiByContainer = byContainer(api);
  const running = jobs.every((job) => job.lifecycle !== 'finished');
  const rows: PanelRow[] = [];
  const authorized = new Set<string>();
  const sources = new Set<PanelSource>();
  let failed = false;

  for (let container = 0; container < count; container++) {
    const page = seen.get(container);
    const enable = page?.enable && parseSshOutput(page.enable, proxyHosts);
    const wait = page?.wait && parseSshOutput(page.wait, proxyHosts);
    const fromSession = sessionByContainer.get(container);
    const fromApi = apiByContainer.get(container);
    const readings: [PanelSource, SshStepOutput | undefined][] = [
      ['page', withCommand(enable) ?? withCommand(wait)],
      ['session', withCommand(fromSession?.output)],
      ['token', withCommand(fromApi?.output)],
    ];
    const known = readings.filter((reading): reading is [PanelSource, SshStepOutput] => reading[1] !== undefined);
    const conflict = new Set(known.map(([, output]) => targetsOf(output))).size > 1;
    for (const [source] of known) sources.add(source);
    const output = conflict ? undefined : (known[0]?.[1] ?? enable ?? fromSession?.output ?? fromApi?.output);
    for (const each of [enable, wait, fromSession?.output, fromApi?.output])
      for (const key of each?.authorizedKeys ?? []) authorized.add(`${key.hash}:${key.value}`);
    failed ||= Boolean(output?.failed);
    const window = sshWindow({
      stayUp: wait?.stayUp ?? output?.stayUp,
      running,
      now,
      ...optional('waitStartedAt', fromSession?.waitStartedAt ?? fromApi?.waitStartedAt ?? page?.waitStartedAt),
    });
    rows.push({
      container,
      window,
      ...optional('output', output),
      ...optional('runHref', runLinks.get(container)),
      ...(conflict ? { conflict } : {}),
    });
  }

  const sshRerunWithoutStep = jobs.some((job) => job.why === 'ssh' && !job.hasSshStep);
  return {
    rows,
    isSshJob: seen.size > 0 || jobs.some((job) => job.hasSshStep || job.why === 'ssh'),
    noKey: failed || sshRerunWithoutStep,
    authorizedKeys: [...authorized],
    sources: (['session', 'token', 'page'] as const).filter((source) => sources.has(source)),
  };
}

/** Where a reading says to connect: its targets, without `-t`, which the two SSH steps may print differently. */
function targetsOf(output: SshStepOutput): string {
  const targets = output.commands.map(({ target }) => [target.user, target.host, target.port, target.shell]);
  return JSON.stringify(targets.map((target) => JSON.stringify(target)).sort());
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
    ...optional('connectBy', earliest(ready.map((row) => row.window.connectBy))),
    ...optional('sessionEndsBy', earliest(ready.map((row) => row.window.sessionEndsBy))),
    // sshWindow has no deadline for a job CircleCI no longer runs.
    ended: rows.length > 0 && rows.every((row) => row.window.expired && row.window.connectBy === undefined),
  };
}
