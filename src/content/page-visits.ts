// One lifecycle per page visit. CircleCI is a single-page app: moving to another job or parallel run
// changes the URL without reloading the content script. Each visit gets an AbortSignal that every
// observer and listener of a feature is tied to; leaving the visit aborts it, which cleans them all up.

import { type JobPage, parseJobPage, visitKey } from '../circleci/page-detect';
import { safely } from './report-error';
import { type StepWatcher, watchSteps } from './step-watcher';

export interface Feature {
  /**
   * Starts the feature on a job page; everything it sets up must end when `signal` aborts. `steps` is
   * the visit's one step watcher, shared by every feature.
   */
  init(signal: AbortSignal, page: JobPage, steps: StepWatcher): void | Promise<void>;
}

export interface Site {
  /** Where CircleCI's web app runs: app.circleci.com and the servers the user added. */
  readonly appHosts: readonly string[];
  /** The SSH proxy hosts CircleCI's output may name on this host. */
  readonly proxyHosts: readonly string[];
}

export function runOnJobPages(features: readonly Feature[], { appHosts, proxyHosts }: Site): void {
  let currentHref = '';
  let currentKey = '';
  let visit: AbortController | undefined;

  const onLocationMaybeChanged = () => {
    if (location.href === currentHref) return;
    currentHref = location.href;
    const key = visitKey(currentHref, appHosts);
    if (key === currentKey) return;
    currentKey = key;
    visit?.abort();
    visit = new AbortController();
    const page = parseJobPage(currentHref, appHosts);
    if (!page) return;
    const { signal } = visit;
    let steps: StepWatcher | undefined;
    safely(() => {
      steps = watchSteps(signal, { containerInUrl: page.container, proxyHosts });
    });
    if (!steps) return;
    for (const feature of features) safely(() => feature.init(signal, page, steps as StepWatcher));
  };

  onLocationMaybeChanged();
  // pushState fires no event a content script can hear; the app re-renders right after it, so any DOM
  // change is a cue to compare the URL (a string comparison, nothing more).
  new MutationObserver(() => safely(onLocationMaybeChanged)).observe(document, { childList: true, subtree: true });
  // Where the Navigation API exists it reports pushState directly, even when no DOM change follows.
  (globalThis as { navigation?: EventTarget }).navigation?.addEventListener(
    'currententrychange',
    onLocationMaybeChanged,
  );
  addEventListener('popstate', onLocationMaybeChanged);
  addEventListener('hashchange', onLocationMaybeChanged);
  addEventListener('pagehide', () => visit?.abort());
  addEventListener('pageshow', (event) => {
    if (event.persisted) {
      currentHref = '';
      currentKey = '';
      onLocationMaybeChanged();
    }
  });
}
