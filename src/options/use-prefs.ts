// The options page's view of the stored preferences. Saves go one at a time through the background
// (which validates the whole and owns storage); each applies its change to the prefs as they are when
// its turn comes, so quick edits in several places never undo each other. Changes made elsewhere (the
// popup, a job page, another device) arrive through watchPrefs.

import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_PREFS, type Prefs, type PrefsNotice, type ReadPrefs } from '../settings/prefs';
import { loadPrefs, watchPrefs } from '../settings/prefs-storage';
import { sendMessage } from '../shared/browser';
import type { MessageKey } from '../shared/i18n';
import { parseSaveResponse, type SaveProblem } from '../shared/messages';

export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saved'; readonly message: MessageKey }
  | { readonly kind: 'error'; readonly problem: SaveProblem };

export interface PrefsStore {
  readonly loaded: boolean;
  /** What is stored: an edit shows up here once saved. */
  readonly prefs: Prefs;
  readonly notice: PrefsNotice | undefined;
  readonly status: SaveStatus;
  /**
   * Stores `change(latest prefs)`. Resolves true once stored (or when nothing changed); on false, the
   * status says why, and the page still shows what is stored, so controls fall back to it.
   */
  save: (change: (latest: Prefs) => Prefs, done?: MessageKey) => Promise<boolean>;
  /** The prefs once every save asked for so far is done, e.g. a field saved on its way out. */
  settled: () => Promise<Prefs>;
}

export function usePrefs(): PrefsStore {
  const [read, setRead] = useState<ReadPrefs & { loaded: boolean }>({ prefs: DEFAULT_PREFS, loaded: false });
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const latest = useRef<ReadPrefs>({ prefs: DEFAULT_PREFS });
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    const controller = new AbortController();
    let changed = false;
    const show = (next: ReadPrefs) => {
      latest.current = next;
      setRead({ ...next, loaded: true });
    };
    // Watching starts first, and a change seen meanwhile is newer than what the load read.
    watchPrefs((next) => {
      changed = true;
      show(next);
    }, controller.signal);
    void loadPrefs().then((loaded) => {
      if (!changed) show(loaded);
    });
    return () => controller.abort();
  }, []);

  const save = (change: (prefs: Prefs) => Prefs, done: MessageKey = 'saved'): Promise<boolean> => {
    const run = queue.current.then(async () => {
      const next = change(latest.current.prefs);
      // Unchanged prefs need no write, unless what is stored is unreadable and this save repairs it.
      const unchanged = JSON.stringify(next) === JSON.stringify(latest.current.prefs);
      const response =
        unchanged && latest.current.notice === undefined
          ? { ok: true as const }
          : parseSaveResponse(await sendMessage({ type: 'save-prefs', prefs: next }).catch(() => undefined));
      if (response.ok) latest.current = { prefs: next };
      setRead({ ...latest.current, loaded: true });
      // Always a new object, so the page renders again and controls show what is stored.
      setStatus(response.ok ? { kind: 'saved', message: done } : { kind: 'error', problem: response.problem });
      return response.ok;
    });
    queue.current = run;
    return run;
  };

  const settled = () => queue.current.then(() => latest.current.prefs);

  return { loaded: read.loaded, prefs: read.prefs, notice: read.notice, status, save, settled };
}
