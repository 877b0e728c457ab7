// Copy buttons beside every ssh command that CircleCI's Enable SSH and Wait for SSH steps print.
// Work follows the DOM changes: a mutation re-reads only the step it happened in, and only when that
// step is an SSH step. Nothing is copied from the page: each line is parsed and the command rebuilt.

import { render } from 'preact';
import type { JobPage } from '../../circleci/page-detect';
import { readOutputLines } from '../../circleci/output-lines';
import { closestStep, containerIndex, findSteps, stepName, stepOutput } from '../../circleci/selectors';
import { parseSshOutput } from '../../circleci/ssh-output';
import { loadPrefs, watchPrefs } from '../../shared/prefs-storage';
import { CopyCommand, UnrecognisedLine } from '../../ui/CopyCommand';
import css from '../../ui/copy-command.css?inline';
import { createShadowHost, isShadowHost, type ShadowHost } from '../../ui/shadow-host';
import type { Feature } from '../page-visits';
import { safely } from '../report-error';

const SSH_STEP_NAMES = new Set(['Enable SSH', 'Wait for SSH']);

interface Widget extends ShadowHost {
  /** Renders (again) with the current preferences; replaced when the step is re-read. */
  draw: (keyPath: string) => void;
}

type Draw = (mount: HTMLElement, keyPath: string) => void;

async function init(signal: AbortSignal, page: JobPage): Promise<void> {
  let { keyPath } = (await loadPrefs()).prefs;
  if (signal.aborted) return;

  // Per SSH step, its widgets keyed by what they show, so a re-read reuses them: never duplicates.
  const widgetsByStep = new Map<Element, Map<string, Widget>>();

  const removeWidget = (widget: Widget) => {
    render(null, widget.mount);
    widget.host.remove();
  };

  const clearStep = (step: Element) => {
    widgetsByStep.get(step)?.forEach(removeWidget);
    widgetsByStep.delete(step);
  };

  const updateStep = (step: Element) => {
    const output = SSH_STEP_NAMES.has(stepName(step)) ? stepOutput(step) : null;
    const lines = output ? readOutputLines(output) : [];
    const parsed = parseSshOutput(lines.map((line) => line.text));
    // A config `run` step that calls itself "Enable SSH" is not CircleCI's: offer nothing from it.
    if (lines.length === 0 || parsed.isConfigRunStep) return clearStep(step);

    const container = containerIndex(step, page.container);
    const wanted = new Map<string, { anchor: ChildNode; draw: Draw }>();
    for (const { target, line } of parsed.commands) {
      const anchor = lines[line]?.anchor;
      if (anchor) {
        wanted.set(`command ${line} ${JSON.stringify(target)}`, {
          anchor,
          draw: (mount, key) => render(<CopyCommand target={target} container={container} keyPath={key} />, mount),
        });
      }
    }
    for (const line of parsed.unrecognisedLines) {
      const anchor = lines[line]?.anchor;
      if (anchor) wanted.set(`unrecognised ${line}`, { anchor, draw: (mount) => render(<UnrecognisedLine />, mount) });
    }

    const previous = widgetsByStep.get(step) ?? new Map<string, Widget>();
    const current = new Map<string, Widget>();
    for (const [id, { anchor, draw }] of wanted) {
      const widget = previous.get(id) ?? { ...createShadowHost(css), draw: () => {} };
      widget.draw = (key) => draw(widget.mount, key);
      previous.delete(id);
      current.set(id, widget);
      // Only our own node moves; CircleCI's nodes are never moved or edited.
      if (anchor.nextSibling !== widget.host) anchor.after(widget.host);
      widget.draw(keyPath);
    }
    previous.forEach(removeWidget);
    if (current.size > 0) widgetsByStep.set(step, current);
    else widgetsByStep.delete(step);
  };

  const observer = new MutationObserver((records) =>
    safely(() => {
      const changed = new Set<Element>();
      let removedSomething = false;
      for (const record of records) {
        const added = [...record.addedNodes];
        const removed = [...record.removedNodes];
        // Our own inserts and moves: nothing CircleCI changed.
        if ([...added, ...removed].every(isShadowHost) && added.length + removed.length > 0) continue;
        removedSomething ||= removed.length > 0;
        const step = closestStep(record.target);
        if (step) changed.add(step);
        for (const node of added) if (node instanceof Element) findSteps(node).forEach((found) => changed.add(found));
      }
      if (removedSomething) {
        for (const step of widgetsByStep.keys()) if (!step.isConnected) clearStep(step);
      }
      changed.forEach(updateStep);
    }),
  );
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });

  watchPrefs((read) => {
    keyPath = read.prefs.keyPath;
    for (const widgets of widgetsByStep.values()) for (const widget of widgets.values()) widget.draw(keyPath);
  }, signal);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      for (const step of [...widgetsByStep.keys()]) clearStep(step);
    },
    { once: true },
  );

  // The steps already on screen; from here on only what changes is read.
  findSteps(document.body).forEach(updateStep);
}

export const copySshCommand: Feature = { init };

/* Test URLs (the bundled job pages in e2e/site serve these):
https://app.circleci.com/pipelines/github/acme/api/42/workflows/9bbc6a4b-4b4f-4f7e-9a53-5d1c4d3e2f10/jobs/101
https://circleci.com/gh/acme/api/55
*/
