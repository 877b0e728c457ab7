// Host access the user grants at run time (server installations, the API token's origin), and the
// content scripts registered on those hosts. Part of the extension API wrapper (browser.ts).

import { extensionApi } from './browser';

/** Asks the user for access to origins, all or none (must run in a click handler of an extension page). */
export function requestOrigin(...origins: string[]): Promise<boolean> {
  return extensionApi().permissions.request({ origins });
}

export function removeOrigin(...origins: string[]): Promise<boolean> {
  return extensionApi().permissions.remove({ origins });
}

export function hasOrigin(...origins: string[]): Promise<boolean> {
  return extensionApi().permissions.contains({ origins });
}

/**
 * The content script file the manifest declares, to register the same one on other hosts, as a path
 * from the extension's root: Firefox gives the manifest's paths as full moz-extension:// URLs, which
 * registerContentScripts refuses, and a path without the leading slash would be taken as relative to
 * the calling page.
 */
export function contentScriptFiles(): string[] {
  const root = extensionApi().runtime.getURL('');
  return (extensionApi().runtime.getManifest().content_scripts?.[0]?.js ?? []).map(
    (file) => new URL(file, root).pathname,
  );
}

const SERVER_SCRIPT_PREFIX = 'server:';

/** Makes the dynamically registered content scripts exactly one per given origin pattern. */
export async function registerServerContentScripts(matches: readonly string[]): Promise<void> {
  const registered = await extensionApi().scripting.getRegisteredContentScripts();
  const ours = registered.filter((script) => script.id.startsWith(SERVER_SCRIPT_PREFIX));
  const wanted = new Set(matches.map((match) => `${SERVER_SCRIPT_PREFIX}${match}`));
  const stale = ours.filter((script) => !wanted.has(script.id)).map((script) => script.id);
  if (stale.length > 0) await extensionApi().scripting.unregisterContentScripts({ ids: stale });
  const existing = new Set(ours.map((script) => script.id));
  const added = matches.filter((match) => !existing.has(`${SERVER_SCRIPT_PREFIX}${match}`));
  if (added.length > 0) {
    await extensionApi().scripting.registerContentScripts(
      added.map((match) => ({
        id: `${SERVER_SCRIPT_PREFIX}${match}`,
        matches: [match],
        js: contentScriptFiles(),
        runAt: 'document_idle' as const,
      })),
    );
  }
}

/** Access to an origin granted or given back, here or in the browser's own extension settings. */
export function onOriginsChanged(handler: () => void): void {
  extensionApi().permissions.onAdded.addListener(handler);
  extensionApi().permissions.onRemoved.addListener(handler);
}
