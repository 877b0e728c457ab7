// Which added servers this browser has granted access to. Settings sync between browsers, host
// permissions do not: a server added on another device, or imported, is listed without access here.

import { useEffect, useState } from 'preact/hooks';
import type { ServerInstall } from '../settings/prefs';
import { serverOrigin } from '../settings/servers';
import { hasOrigin } from '../shared/browser-permissions';

/** App host → granted; a host not yet checked is missing. Call `recheck` after asking or releasing. */
export function useGrantedHosts(servers: readonly ServerInstall[]): [ReadonlyMap<string, boolean>, () => void] {
  const [granted, setGranted] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [checks, setChecks] = useState(0);
  useEffect(() => {
    let current = true;
    void Promise.all(
      servers.map(async ({ appHost }) => [appHost, await hasOrigin(serverOrigin(appHost)).catch(() => false)] as const),
    ).then((entries) => {
      if (current) setGranted(new Map(entries));
    });
    return () => {
      current = false;
    };
  }, [servers, checks]);
  return [granted, () => setChecks((count) => count + 1)];
}
