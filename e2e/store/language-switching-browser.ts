// One Chromium that shows the extension in one language after another: the extension is loaded over
// CDP (Extensions.loadUnpacked), so it can be uninstalled and loaded again with other messages
// (e2e/one-language.ts) in a fraction of a second, where a browser per language costs seconds each.
// Extensions loaded with --load-extension cannot be uninstalled, hence no such flag here.

import { type BrowserContext, type CDPSession, chromium, type Worker } from '@playwright/test';
import { chromiumPath, offlineArgs } from '../browser.js';
import { withCircleCI } from '../browser-in';
import type { Messages } from '../messages';
import { shipOnly } from '../one-language';

export interface LoadedExtension {
  background: Worker;
  /** chrome-extension://<id>/ */
  extensionUrl: string;
}

export class LanguageSwitchingBrowser {
  private loaded: string | undefined;

  private constructor(
    readonly context: BrowserContext,
    private readonly cdp: CDPSession,
    /** A copy of the built extension, rewritten for each language: the same folder keeps the same id. */
    private readonly copy: string,
  ) {}

  static async launch(copy: string): Promise<LanguageSwitchingBrowser> {
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath,
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: ['--enable-unsafe-extension-debugging', ...offlineArgs],
    });
    await withCircleCI(context);
    const cdp = await context.browser()?.newBrowserCDPSession();
    if (!cdp) throw new Error('No browser-level CDP session for the Extensions domain');
    return new LanguageSwitchingBrowser(context, cdp, copy);
  }

  /** The extension, freshly installed (empty storage), speaking only these messages. */
  async speak(messages: Messages): Promise<LoadedExtension> {
    if (this.loaded) await this.cdp.send('Extensions.uninstall', { id: this.loaded });
    shipOnly(this.copy, 'en', messages);
    const started = this.context.waitForEvent('serviceworker');
    const { id } = await this.cdp.send('Extensions.loadUnpacked', { path: this.copy });
    this.loaded = id;
    return { background: await started, extensionUrl: `chrome-extension://${id}/` };
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
