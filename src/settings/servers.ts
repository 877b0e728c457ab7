// Self-hosted CircleCI server installations. The user adds one in the options page, which asks for
// that one origin (optional host permission, nothing asked before); the background then registers
// the content script there. Removing the installation gives the permission back.

import { CLOUD_APP_HOST } from '../circleci/page-detect';
import { hasOrigin, registerServerContentScripts, removeOrigin, requestOrigin } from '../shared/browser-permissions';
import type { ServerInstall } from './prefs';

export const serverOrigin = (appHost: string): string => `https://${appHost}/*`;

/** In a click handler: asks the browser for the installation's origin. */
export function requestServerAccess(appHost: string): Promise<boolean> {
  return requestOrigin(serverOrigin(appHost));
}

export function releaseServerAccess(appHost: string): Promise<boolean> {
  return removeOrigin(serverOrigin(appHost));
}

/** Runs the content script on exactly the installations the user added and granted. */
export async function syncServerContentScripts(servers: readonly ServerInstall[]): Promise<void> {
  const granted = await Promise.all(
    servers.map(async ({ appHost }) => ((await hasOrigin(serverOrigin(appHost))) ? [serverOrigin(appHost)] : [])),
  );
  await registerServerContentScripts(granted.flat());
}

/** Where CircleCI's web app runs for this user: the cloud app and the installations they added. */
export function appHostsOf(servers: readonly ServerInstall[]): string[] {
  return [CLOUD_APP_HOST, ...servers.map((server) => server.appHost)];
}

/** The SSH proxy hosts whose proxy-form commands a page on `pageHost` may offer. */
export function proxyHostsFor(pageHost: string, servers: readonly ServerInstall[]): string[] {
  if (pageHost === 'app.circleci.com' || pageHost === 'circleci.com') return ['ssh.circleci.com'];
  const sshHost = servers.find((server) => server.appHost === pageHost)?.sshHost;
  return sshHost ? [sshHost] : [];
}
