// Copy buttons beside every ssh command that CircleCI's own Enable SSH and Wait for SSH steps print.
// Work follows the DOM changes: a mutation re-reads the steps of one container only when it touched an
// SSH step or changed what another step is (collapsed, or a config run step); a line streaming into a
// build step costs one short look at that step's first line. Nothing is copied from the page: each
// line is parsed and the command rebuilt.
/** @jsxImportSource #dom */

import { type OutputLine, readOutputLines } from '../../circleci/output-lines';
import type { JobPage } from '../../circleci/page-detect';
import {
  closestStep,
  containerIndex,
  findSteps,
  isInOutput,
  isOutput,
  isStep,
  stepDurationMs,
  stepName,
  stepOutput,
} from '../../circleci/selectors';
import { cleanLine, parseSshOutput, type SshStepOutput, startsWithShellLine } from '../../circleci/ssh-output';
import type { SshTarget } from '../../circleci/ssh-target';
import { isSshStepName, judgeSshSteps, type StepFacts, type Verdict } from '../../circleci/step-trust';
import { isFromExtensionPage, onMessage, sendMessage } from '../../shared/browser';
import { chooseKey, commandSettings } from '../../shared/key-choice';
import { type JobContext, parseContentRequest } from '../../shared/messages';
import type { Prefs } from '../../shared/prefs';
import { loadPrefs, watchPrefs } from '../../shared/prefs-storage';
import { projectPattern } from '../../shared/project-rules';
import { proxyHostsFor } from '../../shared/servers';
import { CopyCommand, StepWarning, UnrecognisedLine } from '../../ui/CopyCommand';
import css from '../../ui/copy-command.css?inline';
import { replaceKeepingFocus } from '../../ui/dom/replace';
import { initialRecipesState, type RecipesState } from '../../ui/Recipes';
import { createShadowHost, isShadowHost, type ShadowHost } from '../../ui/shadow-host';
import type { Feature } from '../page-visits';
import { safely } from '../report-error';
import { announceSshStep } from '../ssh-steps';

/** At most this much of another step's output is read to find its first line. */
const FIRST_LINE_CHARS = 512;

interface StepReading {
  readonly facts: StepFacts;
  readonly lines: readonly OutputLine[];
  /** The lines' text, as parsed (an SSH step's only). */
  readonly texts?: readonly string[];
  readonly output?: SshStepOutput;
}

function readStep(step: Element, proxyHosts: readonly string[]): StepReading {
  const name = stepName(step);
  const output = stepOutput(step);
  if (!output) return { facts: { name }, lines: [] };
  if (!isSshStepName(name)) {
    // Another step only matters for what it is: its first line with text tells a config run step.
    const first = readOutputLines(output, FIRST_LINE_CHARS, (text) => cleanLine(text) !== '');
    return { facts: { name, isConfigRunStep: startsWithShellLine(first.map((line) => line.text)) }, lines: [] };
  }
  const lines = readOutputLines(output);
  const texts = lines.map((line) => line.text);
  const parsed = parseSshOutput(texts, proxyHosts);
  const targets = parsed.commands.map((command) => command.target);
  return { facts: { name, isConfigRunStep: parsed.isConfigRunStep, targets }, lines, texts, output: parsed };
}

interface Widget extends ShadowHost {
  /** Renders (again) with the current preferences; replaced when the step is re-read. */
  draw: (prefs: Prefs) => void;
  /** What the user opened or typed in the recipes menu, kept across redraws. */
  readonly recipes: RecipesState;
}

async function init(signal: AbortSignal, page: JobPage): Promise<void> {
  let { prefs } = await loadPrefs();
  if (signal.aborted) return;
  const project = projectPattern(page);
  const proxyHosts = proxyHostsFor(location.hostname, prefs.servers);
  // The keys CircleCI installed for the rerunning user, as the trusted SSH steps of each container list them.
  const authorizedByContainer = new Map<number, readonly string[]>();

  // Per SSH step, its widgets keyed by line and content, so a re-read reuses them: never duplicates.
  const widgetsByStep = new Map<Element, Map<string, Widget>>();
  // What each other step was last time, so only a real change re-judges its container.
  const factsOfOtherSteps = new WeakMap<Element, string>();

  const removeWidget = (widget: Widget) => widget.host.remove();

  const clearStep = (step: Element) => {
    widgetsByStep.get(step)?.forEach(removeWidget);
    widgetsByStep.delete(step);
  };

  const copyCommandView =
    (target: SshTarget, container: number, withKeyControl: boolean) => (current: Prefs, recipesState: RecipesState) => {
      const choice = chooseKey(current, project, authorizedByContainer.get(container) ?? []);
      const settings = commandSettings(current, choice, { project, jobNumber: page.jobNumber, container });
      if (!withKeyControl) return <CopyCommand target={target} container={container} settings={settings} />;
      const keyControl = {
        prefs: current,
        choice,
        projectProfileId: current.rules.find((rule) => rule.pattern === project)?.profileId,
        onChoose: (profileId: string | null) => void sendMessage({ type: 'set-project-rule', profileId }),
        onSetUp: () => void sendMessage({ type: 'open-options' }),
      };
      const recipes = {
        target,
        container,
        settings,
        vcs: page.vcs,
        jobNumber: page.jobNumber,
        authorizedKeys: authorizedByContainer.get(container) ?? [],
        state: recipesState,
      };
      return (
        <CopyCommand
          target={target}
          container={container}
          settings={settings}
          keyControl={keyControl}
          recipes={recipes}
        />
      );
    };

  const showStep = (step: Element, reading: StepReading, verdict: Verdict, container: number) => {
    const { lines, output } = reading;
    const wanted = new Map<string, { anchor: ChildNode; view: (current: Prefs, recipes: RecipesState) => Node }>();
    for (const [index, { target, line }] of (output?.commands ?? []).entries()) {
      const anchor = lines[line]?.anchor;
      if (!anchor) continue;
      wanted.set(`command ${line} ${JSON.stringify(target)} ${JSON.stringify(verdict)}`, {
        anchor,
        view: verdict.trusted
          ? copyCommandView(target, container, index === 0)
          : () => <StepWarning reason={verdict.reason} step={reading.facts.name} />,
      });
    }
    for (const line of output?.unrecognisedLines ?? []) {
      const anchor = lines[line]?.anchor;
      if (anchor) wanted.set(`unrecognised ${line}`, { anchor, view: () => <UnrecognisedLine /> });
    }

    const previous = widgetsByStep.get(step) ?? new Map<string, Widget>();
    const current = new Map<string, Widget>();
    for (const [id, { anchor, view }] of wanted) {
      const widget = previous.get(id) ?? { ...createShadowHost(css), draw: () => {}, recipes: initialRecipesState() };
      widget.draw = (currentPrefs) => replaceKeepingFocus(widget.mount, view(currentPrefs, widget.recipes));
      previous.delete(id);
      current.set(id, widget);
      // Only our own node moves; CircleCI's nodes are never moved or edited.
      if (anchor.nextSibling !== widget.host) anchor.after(widget.host);
      widget.draw(prefs);
    }
    previous.forEach(removeWidget);
    if (current.size > 0) widgetsByStep.set(step, current);
    else widgetsByStep.delete(step);
  };

  /** Judges the SSH steps of one container (the steps that share `list`) and shows what each offers. */
  const updateContainer = (list: Element) => {
    const steps = [...list.children].filter(isStep);
    const readings = steps.map((step) => readStep(step, proxyHosts));
    const verdicts = judgeSshSteps(readings.map((reading) => reading.facts));
    const container = steps[0] ? containerIndex(steps[0], page.container) : 0;
    const authorized = readings.flatMap((reading, index) =>
      verdicts.get(index)?.trusted
        ? (reading.output?.authorizedKeys ?? []).map((key) => `${key.hash}:${key.value}`)
        : [],
    );
    authorizedByContainer.set(container, [...new Set(authorized)]);
    steps.forEach((step, index) => {
      const verdict = verdicts.get(index);
      const reading = readings[index];
      if (verdict && reading) showStep(step, reading, verdict, container);
      else clearStep(step);
      if (verdict?.trusted && reading?.texts && isSshStepName(reading.facts.name)) {
        const ranFor = reading.facts.name === 'Wait for SSH' ? stepDurationMs(step) : undefined;
        announceSshStep({
          container,
          step: reading.facts.name,
          lines: reading.texts,
          ...(ranFor === undefined ? {} : { startedAt: Date.now() - ranFor }),
        });
      }
    });
  };

  /** An SSH step always counts; another step only when what it is has changed. */
  const changesJudgement = (step: Element) => {
    const name = stepName(step);
    if (isSshStepName(name)) return true;
    const facts = JSON.stringify(readStep(step, proxyHosts).facts);
    if (factsOfOtherSteps.get(step) === facts) return false;
    factsOfOtherSteps.set(step, facts);
    return true;
  };

  // Work per callback follows what changed, never the size of the page: each step a record touched is
  // judged once, however many records touched it, and lines streaming into an output are not looked at
  // one by one (log lines hold no steps). Only new markup outside the outputs is searched for steps.
  const observer = new MutationObserver((records) =>
    safely(() => {
      const touchedSteps = new Set<Element>();
      const containers = new Set<Element>();
      let removedSomething = false;
      let lastTarget: Node | undefined;
      let lastStep: Element | null = null;
      let lastInOutput = false;
      for (const { target, addedNodes: added, removedNodes: removed } of records) {
        // Our own inserts and moves: nothing CircleCI changed.
        if (added.length + removed.length > 0 && onlyShadowHosts(added) && onlyShadowHosts(removed)) continue;
        removedSomething ||= removed.length > 0;
        // A streaming log sends many records with the same target: find its step once.
        if (target !== lastTarget) {
          lastTarget = target;
          lastStep = closestStep(target);
          lastInOutput = lastStep !== null && isInOutput(target);
        }
        if (lastStep) touchedSteps.add(lastStep);
        if (lastInOutput) continue;
        for (const node of added) {
          if (!(node instanceof Element) || isOutput(node)) continue;
          for (const found of findSteps(node)) if (found.parentElement) containers.add(found.parentElement);
        }
        // A step removed from a list changes what its siblings are judged against.
        if (target instanceof Element && someStep(removed)) containers.add(target);
      }
      for (const step of touchedSteps)
        if (step.parentElement && changesJudgement(step)) containers.add(step.parentElement);
      if (removedSomething) {
        for (const step of widgetsByStep.keys()) if (!step.isConnected) clearStep(step);
      }
      containers.forEach(updateContainer);
    }),
  );
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });

  watchPrefs((read) => {
    prefs = read.prefs;
    for (const widgets of widgetsByStep.values()) for (const widget of widgets.values()) widget.draw(prefs);
  }, signal);

  onMessage((message, sender) => {
    const request = isFromExtensionPage(sender) ? parseContentRequest(message) : undefined;
    if (request?.type === 'copy-command') return Promise.resolve(clickFirstCopyButton());
    if (request?.type === 'job-context' && project) {
      const context: JobContext = { project, authorizedKeys: [...new Set([...authorizedByContainer.values()].flat())] };
      return Promise.resolve(context);
    }
    return undefined;
  }, signal);

  /** The keyboard shortcut: the first command of the container on screen, as if its button were clicked. */
  const clickFirstCopyButton = (): boolean => {
    const hosts = [...widgetsByStep.values()].flatMap((widgets) => [...widgets.values()].map((widget) => widget.host));
    hosts.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const button = hosts.map((host) => host.shadowRoot?.querySelector<HTMLButtonElement>('button.copy')).find(Boolean);
    button?.click();
    return Boolean(button);
  };

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      for (const step of [...widgetsByStep.keys()]) clearStep(step);
    },
    { once: true },
  );

  // The containers already on screen; from here on only what changes is read.
  for (const list of new Set(findSteps(document.body).map((step) => step.parentElement)))
    if (list) updateContainer(list);
}

export const copySshCommand: Feature = { init };

/** True when every node is one of our hosts (also for none). Stops at the first other node. */
function onlyShadowHosts(nodes: NodeList): boolean {
  for (const node of nodes) if (!isShadowHost(node)) return false;
  return true;
}

function someStep(nodes: NodeList): boolean {
  for (const node of nodes) if (node instanceof Element && isStep(node)) return true;
  return false;
}

/* Test URLs (the bundled job pages in e2e/site serve these):
https://app.circleci.com/pipelines/github/acme/api/42/workflows/9bbc6a4b-4b4f-4f7e-9a53-5d1c4d3e2f10/jobs/101
https://circleci.com/gh/acme/api/55
*/
