// Shown in the popup when the job page in the active tab shows an SSH step and an ssh line but the
// extension could place nothing beside it (content/features/page-check.ts): says so, and copies a
// report for a bug report. The report is what the content script read (counts and verdicts) and the
// page's structure (diagnostics/describe-page.ts), never the page's text.

import { useState } from 'preact/hooks';
import type { PageStatus } from '../diagnostics/page-status';
import { extensionVersion, sendMessage } from '../shared/browser';
import { t } from '../shared/i18n';

type CopyState = 'idle' | 'copied' | 'failed';

export function UnreadablePage({ tabId, status }: { tabId: number; status: PageStatus }) {
  const [state, setState] = useState<CopyState>('idle');

  const copyReport = async () => {
    try {
      const page = await sendMessage({ type: 'describe-page', tabId });
      if (!page) throw new Error('no structure');
      const report = { extension: extensionVersion(), browser: navigator.userAgent, read: status, page };
      await navigator.clipboard.writeText(JSON.stringify(report, null, 2));
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <section class="unreadable" aria-labelledby="unreadable-heading">
      <h2 id="unreadable-heading">{t('unreadableHeading')}</h2>
      <p>{t('unreadableText')}</p>
      <button type="button" onClick={() => void copyReport()}>
        {t('copyReport')}
      </button>
      <p class={state === 'failed' ? 'status error' : 'status'} role="status">
        {state === 'copied' ? t('reportCopied') : state === 'failed' ? t('reportFailed') : ''}
      </p>
    </section>
  );
}
