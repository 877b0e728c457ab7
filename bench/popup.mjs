// The bench's popup run (bench/run.mjs runs it): how soon the popup is ready for input.

import { useOurPrefs } from './measure.mjs';

/** From navigation start to an enabled "Default SSH key" field (disabled until the prefs are read). */
export async function popupRun(variant) {
  await useOurPrefs(variant);
  const page = await variant.context.newPage();
  try {
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        const field = document.getElementById('key-path');
        if (field instanceof HTMLInputElement && !field.disabled) {
          window.__interactiveAt = performance.now(); // milliseconds since navigation start
          observer.disconnect();
        }
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
    });
    await page.goto(`chrome-extension://${variant.extensionId}/src/popup/index.html`);
    return await (await page.waitForFunction(() => window.__interactiveAt)).jsonValue();
  } finally {
    await page.close();
  }
}
