// The test copy of the built Firefox extension (dist/firefox) that the harness installs, and the few
// extension APIs the specs call in its pages.

import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const extensionDir = resolve('dist/firefox');

export interface Manifest {
  permissions: string[];
  action: { default_popup: string };
  options_ui: { page: string };
  browser_specific_settings: { gecko: { id: string } };
  web_accessible_resources?: unknown;
  host_permissions?: unknown;
}

export interface LaunchOptions {
  /**
   * CircleCI server app hosts (e.g. `app.ci.example.com`) that the test copy's manifest grants as
   * host_permissions, and that the browser's tabs serve the fake CircleCI at. See testCopyOfExtension.
   */
  readonly serverHosts?: readonly string[];
  /**
   * Optional permissions (e.g. `notifications`) that the test copy's manifest grants outright, as a
   * user who said yes to the prompt would have: a test cannot answer Firefox's prompt.
   */
  readonly granted?: readonly string[];
}

/**
 * Copies the built extension into a temporary folder and makes the popup and the options page
 * web-accessible there, for the tests only. WebDriver BiDi refuses to navigate a tab to a
 * moz-extension:// URL, but a web page may navigate itself to an extension page that is web-accessible
 * to it; the page then runs in that tab with every extension API, as it does from the toolbar or the
 * add-ons manager. Their own scripts and stylesheets are same-origin loads of the extension page, so
 * only the HTML needs listing. dist/firefox, what users install, keeps its manifest untouched: neither
 * page is reachable from CircleCI's pages.
 *
 * With `serverHosts`, the copy's manifest also grants those hosts (host_permissions), so that the
 * options page's permissions.request() for an added server resolves without a prompt, which a test
 * cannot answer; everything after it (registration, the content script there) is the real code.
 * With `granted`, those optional permissions are required ones in the copy, for the same reason.
 */
export function testCopyOfExtension({ serverHosts = [], granted = [] }: LaunchOptions): {
  dir: string;
  manifest: Manifest;
} {
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  if (manifest.web_accessible_resources !== undefined) {
    throw new Error(
      'The built manifest now has web_accessible_resources: merge the test entry instead of replacing it.',
    );
  }
  if (manifest.host_permissions !== undefined) {
    throw new Error('The built manifest now has host_permissions: merge the test entry instead of replacing it.');
  }
  const dir = mkdtempSync(join(tmpdir(), 'circleci-ssh-copy-firefox-'));
  cpSync(extensionDir, dir, { recursive: true });
  const testManifest = {
    ...manifest,
    web_accessible_resources: [
      { resources: [manifest.action.default_popup, manifest.options_ui.page], matches: ['https://app.circleci.com/*'] },
    ],
    ...(serverHosts.length > 0 ? { host_permissions: serverHosts.map((host) => `https://${host}/*`) } : {}),
    permissions: [...manifest.permissions, ...granted],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(testManifest, null, 2));
  return { dir, manifest };
}

/**
 * The few WebExtension APIs the Firefox tests call in an extension page (the popup or the options page
 * in a tab), as `(globalThis as unknown as ExtensionApi).browser`: Firefox's promise-based `browser`.
 */
export interface ExtensionApi {
  browser: {
    commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> };
    tabs: {
      getCurrent(): Promise<{ id?: number } | undefined>;
      query(query: { active?: boolean; currentWindow?: boolean }): Promise<{ id?: number; active: boolean }[]>;
      sendMessage(tabId: number, message: unknown): Promise<unknown>;
    };
    permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
    runtime: { getManifest(): { content_scripts?: { js?: string[] }[] } };
    scripting: {
      getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]>;
      registerContentScripts(
        scripts: { id: string; matches: string[]; js: string[]; runAt: 'document_idle' }[],
      ): Promise<void>;
      unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
    };
  };
}
