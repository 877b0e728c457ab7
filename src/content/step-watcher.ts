// Watches the job page's steps for one visit and judges CircleCI's own SSH steps, for every feature
// that needs them (the copy buttons, the job SSH panel, the page check). Work follows the DOM changes:
// a mutation re-reads the steps of one container only when it touched an SSH step or changed what
// another step is (collapsed, or a config run step); a line streaming into a build step costs one short
// look at that step's first line, and none once that line is known. Steps are remembered as they
// appear, never searched for across the whole document again. Nothing here draws: subscribers do.

import { type OutputLine, readOutputLines } from '../circleci/output-lines';
import {
  closestOutput,
  closestStep,
  containerIndex,
  findSteps,
  isOutput,
  legacyStepKind,
  stepGroup,
  stepName,
  stepOutput,
} from '../circleci/selectors';
import { cleanLine, parseSshOutput, type SshStepOutput, startsWithShellLine } from '../circleci/ssh-output';
import { isSshStepName, judgeSshSteps, type StepFacts, type Verdict } from '../circleci/step-trust';
import { isShadowHost } from '../ui/shadow-host';
import { safely } from './report-error';

/** At most this much of another step's output is read to find its first line. */
const FIRST_LINE_CHARS = 512;

export interface StepReading {
  readonly facts: StepFacts;
  /** The lines read, each with the node our UI goes after: a trusted-looking SSH step's all, another's up to its first with text. */
  readonly lines: readonly OutputLine[];
  /** An SSH step's output, as parsed. */
  readonly output?: SshStepOutput;
}

export interface JudgedStep {
  readonly element: Element;
  readonly reading: StepReading;
  /** An SSH step's verdict; none for other steps. */
  readonly verdict?: Verdict;
}

/** One container's steps in page order, as last judged. */
export interface ContainerReport {
  readonly container: number;
  readonly steps: readonly JudgedStep[];
  /** `SHA256:…` of the keys CircleCI installed for the rerunning user, as the trusted SSH steps list them. */
  readonly authorizedKeys: readonly string[];
  /** Steps of this container that left the page since the last report. */
  readonly removed: readonly Element[];
}

export interface StepWatcher {
  /** Calls `listener` with every container's current report now, then with each change, until `signal` aborts. */
  subscribe(listener: (report: ContainerReport) => void, signal: AbortSignal): void;
  /**
   * Calls `listener` after each batch of DOM changes in the page, ours included, until `signal` aborts:
   * for a feature that needs a cue, not the records, so that the page has one observer to feed, not one
   * per feature.
   */
  onDomChange(listener: () => void, signal: AbortSignal): void;
}

/**
 * Reads what a step is: for CircleCI's SSH steps their whole output; for another step, or an SSH-named
 * step that its first line or the page shows to come from the config, only up to its first line, which
 * is all its verdict needs, however much it prints.
 */
export function readStep(step: Element, proxyHosts: readonly string[]): StepReading {
  const name = stepName(step);
  const pageSays = legacyStepKind(step);
  const says = pageSays === undefined ? {} : { pageSays };
  const output = stepOutput(step);
  if (!output) return { facts: { name, ...says }, lines: [] };
  const first = readOutputLines(output, FIRST_LINE_CHARS, hasText);
  const isConfigRunStep = startsWithShellLine(first.map((line) => line.text));
  if (!isSshStepName(name) || isConfigRunStep || pageSays === 'config')
    return { facts: { name, ...says, isConfigRunStep }, lines: first };
  const lines = readOutputLines(output);
  const parsed = parseSshOutput(
    lines.map((line) => line.text),
    proxyHosts,
  );
  const targets = parsed.commands.map((command) => command.target);
  return { facts: { name, ...says, isConfigRunStep: false, targets }, lines, output: parsed };
}

/** Judges a group of steps (one container's, in page order). */
export function judgeSteps(
  steps: readonly Element[],
  containerInUrl: number | undefined,
  proxyHosts: readonly string[],
  read: (step: Element) => StepReading = (step) => readStep(step, proxyHosts),
): Omit<ContainerReport, 'removed'> {
  const readings = steps.map(read);
  const verdicts = judgeSshSteps(readings.map((reading) => reading.facts));
  const judged = steps.map((element, index): JudgedStep => {
    const verdict = verdicts.get(index);
    return { element, reading: readings[index] as StepReading, ...(verdict ? { verdict } : {}) };
  });
  const authorized = judged.flatMap(({ reading, verdict }) =>
    verdict?.trusted ? (reading.output?.authorizedKeys ?? []).map((key) => `${key.hash}:${key.value}`) : [],
  );
  return {
    container: steps[0] ? containerIndex(steps[0], containerInUrl) : (containerInUrl ?? 0),
    steps: judged,
    authorizedKeys: [...new Set(authorized)],
  };
}

export function watchSteps(
  signal: AbortSignal,
  { containerInUrl, proxyHosts }: { containerInUrl: number | undefined; proxyHosts: readonly string[] },
): StepWatcher {
  const listeners = new Set<(report: ContainerReport) => void>();
  const domChangeListeners = new Set<() => void>();
  // Every step seen and still on the page, by the group it is judged with.
  const groupOf = new Map<Element, Element | Document>();
  const reports = new Map<Element | Document, ContainerReport>();
  // What each step was when last judged, so only a real change re-judges its container.
  const lastJudged = new WeakMap<Element, { signature: string; reading: StepReading }>();
  // A build step's first line, once known, for as long as its output element and that line's node stay.
  const knownFirstLine = new WeakMap<Element, { output: Element; anchor: ChildNode; reading: StepReading }>();
  // Each step is read at most once per mutation callback, however many records touched it.
  const readNow = new Map<Element, StepReading>();

  const read = (step: Element): StepReading => {
    const now = readNow.get(step);
    if (now) return now;
    const reading = readAfresh(step);
    readNow.set(step, reading);
    return reading;
  };

  const readAfresh = (step: Element): StepReading => {
    const output = stepOutput(step);
    const known = knownFirstLine.get(step);
    if (known && known.output === output && known.anchor.isConnected && output?.contains(known.anchor))
      return known.reading;
    const reading = readStep(step, proxyHosts);
    const first = reading.lines.at(-1);
    if (output && first && !reading.output && hasText(first.text))
      knownFirstLine.set(step, { output, anchor: first.anchor, reading });
    return reading;
  };

  const remember = (step: Element) => {
    if (!groupOf.has(step)) groupOf.set(step, stepGroup(step));
  };

  const update = (group: Element | Document) => {
    const steps = [...groupOf].filter(([, each]) => each === group).map(([step]) => step);
    steps.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const before = reports.get(group)?.steps.map((judged) => judged.element) ?? [];
    const report = {
      ...judgeSteps(steps, containerInUrl, proxyHosts, read),
      removed: before.filter((step) => !steps.includes(step)),
    };
    for (const { element, reading } of report.steps)
      lastJudged.set(element, { signature: signature(reading), reading });
    if (steps.length === 0) reports.delete(group);
    else reports.set(group, report);
    for (const listener of listeners) safely(() => listener(report));
  };

  /**
   * Whether a touched step changed what its container is judged on, or where our UI goes: what it is,
   * what it printed that we parse, or the nodes its lines end in (a re-render). A flood of lines into a
   * step shown to be the config's changes none of these.
   */
  const changesJudgement = (step: Element) => {
    const reading = read(step);
    const last = lastJudged.get(step);
    if (last?.reading === reading) return false; // the same cached reading: nothing of it changed
    return !(
      last &&
      last.signature === signature(reading) &&
      last.reading.lines.every((line) => line.anchor.isConnected)
    );
  };

  // Work per callback follows what changed, never the size of the page: each step a record touched is
  // judged once, however many records touched it, and lines streaming into an output are not looked at
  // one by one (log lines hold no steps). Only new markup outside the outputs is searched for steps.
  const observer = new MutationObserver((records) =>
    safely(() => {
      readNow.clear();
      const touchedSteps = new Set<Element>();
      const groups = new Set<Element | Document>();
      let removedSomething = false;
      let lastTarget: Node | undefined;
      // The output the last record's target was in: lines streaming into it need no look at all.
      let lastOutput: Element | null = null;
      for (const record of records) {
        const { target } = record;
        if (target === lastTarget && lastOutput) continue;
        if (lastOutput?.contains(target)) {
          lastTarget = target;
          continue;
        }
        const { addedNodes: added, removedNodes: removed } = record;
        // Our own inserts and moves: nothing CircleCI changed.
        if (added.length + removed.length > 0 && onlyShadowHosts(added) && onlyShadowHosts(removed)) continue;
        lastTarget = target;
        const step = closestStep(target);
        lastOutput = step && closestOutput(target);
        if (step) touchedSteps.add(step);
        // Log lines hold no steps, and what leaves an output never takes a step with it.
        if (lastOutput) continue;
        removedSomething ||= removed.length > 0;
        for (const node of added) {
          if (!(node instanceof Element) || isOutput(node)) continue;
          for (const step of findSteps(node)) {
            remember(step);
            groups.add(groupOf.get(step) as Element | Document);
          }
        }
      }
      for (const step of touchedSteps) {
        remember(step);
        if (step.isConnected && changesJudgement(step)) groups.add(groupOf.get(step) as Element | Document);
      }
      // A step that left changes what the others of its container are judged against.
      if (removedSomething) {
        for (const [step, group] of groupOf)
          if (!step.isConnected) {
            groupOf.delete(step);
            groups.add(group);
          }
      }
      groups.forEach(update);
      for (const listener of domChangeListeners) safely(listener);
    }),
  );
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  // The steps already on screen; from here on only what changes is read.
  findSteps(document.body).forEach(remember);
  new Set(groupOf.values()).forEach(update);

  return {
    subscribe(listener, until) {
      listeners.add(listener);
      until.addEventListener('abort', () => listeners.delete(listener), { once: true });
      for (const report of reports.values()) safely(() => listener(report));
    },
    onDomChange(listener, until) {
      domChangeListeners.add(listener);
      until.addEventListener('abort', () => domChangeListeners.delete(listener), { once: true });
    },
  };
}

/** What a reading says, for telling whether it changed. */
function signature({ facts, output }: StepReading): string {
  return JSON.stringify([facts, output ?? null]);
}

function hasText(line: string): boolean {
  return cleanLine(line) !== '';
}

/** True when every node is one of our hosts (also for none). Stops at the first other node. */
function onlyShadowHosts(nodes: NodeList): boolean {
  for (const node of nodes) if (!isShadowHost(node)) return false;
  return true;
}
