// "Go to the SSH rerun": once the page's own navigation showed the job CircleCI's "Rerun job with SSH"
// started (background/reruns.ts), the popup offers it, unless the active tab shows it already.

import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../shared/browser';
import { focusTab, openTab } from '../shared/browser-tabs';
import { t } from '../shared/i18n';
import { isRecord } from '../shared/records';

interface Rerun {
  readonly jobNumber: number;
  readonly url: string;
  /** A tab that shows it. */
  readonly tabId?: number;
}

/** The background's answer, checked: a job number and a CircleCI page's https URL. */
export function parseRerun(answer: unknown): Rerun | undefined {
  const to = isRecord(answer) && isRecord(answer.to) ? answer.to : undefined;
  if (!to || !Number.isSafeInteger(to.jobNumber) || typeof to.url !== 'string' || !to.url.startsWith('https://'))
    return undefined;
  const tabId = isRecord(answer) && Number.isSafeInteger(answer.tabId) ? (answer.tabId as number) : undefined;
  return { jobNumber: to.jobNumber as number, url: to.url, ...(tabId === undefined ? {} : { tabId }) };
}

export function GoToRerun() {
  const [rerun, setRerun] = useState<Rerun>();
  useEffect(() => {
    void sendMessage({ type: 'followed-rerun' })
      .then((answer) => setRerun(parseRerun(answer)))
      .catch(() => undefined);
  }, []);
  if (!rerun) return null;
  const go = async () => {
    await (rerun.tabId === undefined ? openTab(rerun.url) : focusTab(rerun.tabId)).catch(() => openTab(rerun.url));
    close();
  };
  return (
    <button type="button" class="go-to-rerun" onClick={() => void go()}>
      {t('popupGoToRerun', String(rerun.jobNumber))}
    </button>
  );
}
