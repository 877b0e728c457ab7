/** @jsxImportSource #dom */
// Copy buttons beside every ssh command that CircleCI's own Enable SSH and Wait for SSH steps print,
// and a warning beside one that a step we do not trust prints. The step watcher says which steps are
// which; this feature only draws, and redraws only the steps a report names. Nothing is copied from
// the page: each line is parsed and the command rebuilt.

import type { JobPage } from '../../circleci/page-detect';
import type { SshTarget } from '../../circleci/ssh-target';
import { chooseKey, commandSettings } from '../../settings/key-choice';
import type { Prefs } from '../../settings/prefs';
import { loadPrefs, watchPrefs } from '../../settings/prefs-storage';
import { projectPattern } from '../../settings/project-rules';
import { isFromExtensionPage, onMessage, sendMessage } from '../../shared/browser';
import { type JobContext, parseContentRequest } from '../../shared/messages';
import { CopyCommand, StepWarning, UnrecognisedLines } from '../../ui/CopyCommand';
import { copyCommandCss } from '../../ui/copy-command-style';
import { replaceKeepingFocus } from '../../ui/dom/replace';
import { firstCopyButton } from '../../ui/own-queries';
import { initialRecipesState, type RecipesState } from '../../ui/Recipes';
import { createShadowHost, type ShadowHost } from '../../ui/shadow-host';
import type { Feature } from '../page-visits';
import type { JudgedStep, StepWatcher } from '../step-watcher';

/**
 * However much a step prints, it gets at most this many copy buttons (CircleCI's own print one command,
 * or one per Windows shell), one warning and one "not recognised" note.
 */
const MAX_COPY_WIDGETS = 8;

interface Widget extends ShadowHost {
  /** Renders (again) with the current preferences; replaced when the step is re-read. */
  draw: (prefs: Prefs) => void;
  /** The container's authorized keys it was last drawn with: a report that leaves them as they were does not redraw it. */
  drawnWith?: string;
  /** What the user opened or typed in the recipes menu, kept across redraws. */
  readonly recipes: RecipesState;
}

/** A trusted step with a command: its widgets are drawn (the command's line is one of the lines read). */
const showsCommand = ({ verdict, reading }: JudgedStep) => verdict?.trusted && reading.output?.commands.length;

async function init(signal: AbortSignal, page: JobPage, steps: StepWatcher): Promise<void> {
  let { prefs } = await loadPrefs();
  if (signal.aborted) return;
  const project = projectPattern(page);
  // The keys CircleCI installed for the rerunning user, as the trusted SSH steps of each container list them.
  const authorizedByContainer = new Map<number, readonly string[]>();

  // Per SSH step, its widgets keyed by line and content, so a re-read reuses them: never duplicates.
  const widgetsByStep = new Map<Element, Map<string, Widget>>();
  // Per container, the step whose first command carries the key control. One is enough (a rule set there
  // applies to every command), and it stays put while that step shows a command: a select entering or
  // leaving the page makes Chromium's autofill lay the whole page out (docs/benchmarks.md), so it must
  // not ride along with another step's re-renders.
  const keyControlStep = new Map<number, Element | undefined>();

  const removeWidget = (widget: Widget) => widget.host.remove();

  const clearStep = (step: Element) => {
    widgetsByStep.get(step)?.forEach(removeWidget);
    widgetsByStep.delete(step);
  };

  // A step's first command also offers the other commands (recipes); the container's key control goes
  // beside one of them only.
  const copyCommandView =
    (target: SshTarget, container: number, isFirst: boolean, withKeyControl: boolean) =>
    (current: Prefs, recipesState: RecipesState) => {
      const choice = chooseKey(current, project, authorizedByContainer.get(container) ?? []);
      const settings = commandSettings(current, choice, { project, jobNumber: page.jobNumber, container });
      const keyControl = withKeyControl && {
        prefs: current,
        choice,
        projectProfileId: current.rules.find((rule) => rule.pattern === project)?.profileId,
        onChoose: (profileId: string | null) => void sendMessage({ type: 'set-project-rule', profileId }),
        onSetUp: () => void sendMessage({ type: 'open-options' }),
      };
      const recipes = isFirst && {
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

  const showStep = ({ element: step, reading, verdict }: JudgedStep, container: number) => {
    const { lines, output } = reading;
    const authorized = String(authorizedByContainer.get(container));
    const wanted = new Map<string, { anchor: ChildNode; view: (current: Prefs, recipes: RecipesState) => Node }>();
    if (verdict?.trusted) {
      for (const [index, { target, line }] of (output?.commands ?? []).slice(0, MAX_COPY_WIDGETS).entries()) {
        const anchor = lines[line]?.anchor;
        const withKeyControl = index === 0 && keyControlStep.get(container) === step;
        if (anchor)
          wanted.set(`command ${line} ${JSON.stringify(target)} ${withKeyControl}`, {
            anchor,
            view: copyCommandView(target, container, index === 0, withKeyControl),
          });
      }
    } else if (verdict) {
      // One warning for the step, beside its first command, or its first line when only that was read.
      const anchor = lines[output?.commands[0]?.line ?? 0]?.anchor;
      const { name } = reading.facts;
      if (anchor)
        wanted.set(`warning ${verdict.reason} ${name}`, {
          anchor,
          view: () => <StepWarning reason={verdict.reason} step={name} />,
        });
    }
    // One note for all the lines that look like ssh commands and fail the grammar, beside the first.
    const unrecognised = verdict ? (output?.unrecognisedLines ?? []) : [];
    const firstUnrecognised = lines[unrecognised[0] ?? -1]?.anchor;
    if (firstUnrecognised)
      wanted.set(`unrecognised ${unrecognised.length}`, {
        anchor: firstUnrecognised,
        view: () => <UnrecognisedLines count={unrecognised.length} />,
      });

    const previous = widgetsByStep.get(step) ?? new Map<string, Widget>();
    const current = new Map<string, Widget>();
    for (const [id, { anchor, view }] of wanted) {
      const widget = previous.get(id) ?? {
        ...createShadowHost(copyCommandCss),
        draw: () => {},
        recipes: initialRecipesState(),
      };
      widget.draw = (currentPrefs) => replaceKeepingFocus(widget.mount, view(currentPrefs, widget.recipes));
      previous.delete(id);
      current.set(id, widget);
      // Only our own node moves; CircleCI's nodes are never moved or edited.
      if (anchor.nextSibling !== widget.host) anchor.after(widget.host);
      if (widget.drawnWith !== authorized) widget.draw(prefs);
      widget.drawnWith = authorized;
    }
    previous.forEach(removeWidget);
    if (current.size > 0) widgetsByStep.set(step, current);
    else widgetsByStep.delete(step);
  };

  steps.subscribe(({ container, steps: judged, authorizedKeys, removed }) => {
    authorizedByContainer.set(container, authorizedKeys);
    removed.forEach(clearStep);
    const withCommand = judged.filter(showsCommand).map((step) => step.element);
    // It stays where the user saw it for as long as that step shows a command.
    if (!withCommand.includes(keyControlStep.get(container) as Element)) keyControlStep.set(container, withCommand[0]);
    for (const step of judged) showStep(step, container);
  }, signal);

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
    const button = hosts.map((host) => firstCopyButton(host.shadowRoot)).find(Boolean);
    button?.click();
    return Boolean(button);
  };

  signal.addEventListener(
    'abort',
    () => {
      for (const step of [...widgetsByStep.keys()]) clearStep(step);
    },
    { once: true },
  );
}

/** Job pages this feature runs on, new UI and 1.0 (checked by src/circleci/page-detect.test.ts). */
export const TEST_URLS = [
  'https://app.circleci.com/pipelines/github/acme/api/1201/workflows/5b1a6c0e-6d2f-4b8a-9a4e-0f3d2c1b7e90/jobs/101',
  'https://app.circleci.com/pipelines/github/acme/api/1216/workflows/5b1a6c0e-6d2f-4b8a-9a4e-0f3d2c1b7e90/jobs/116/parallel-runs/2',
  'https://circleci.com/gh/acme/api/55#build-timing/containers/1',
];

export const copySshCommand: Feature = { init };

/* Test URLs (the bundled job pages in e2e/site serve these):
https://app.circleci.com/pipelines/github/acme/api/42/workflows/9bbc6a4b-4b4f-4f7e-9a53-5d1c4d3e2f10/jobs/101
https://circleci.com/gh/acme/api/55
*/
