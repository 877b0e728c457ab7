// Content script entry: runs each feature once per visit of a CircleCI job page.

import { loadPrefs } from '../settings/prefs-storage';
import { appHostsOf, proxyHostsFor } from '../settings/servers';
import { copySshCommand } from './features/copy-ssh-command';
import { pageCheck } from './features/page-check';
import { sshPanel } from './features/ssh-panel';
import { runOnJobPages } from './page-visits';
import { reportError } from './report-error';
import { answerSessionFetches } from './session-fetch';

answerSessionFetches();

// On a CircleCI server the user added, its app host counts as CircleCI's.
loadPrefs()
  .then(({ prefs }) =>
    runOnJobPages([copySshCommand, sshPanel, pageCheck], {
      appHosts: appHostsOf(prefs.servers),
      proxyHosts: proxyHostsFor(location.hostname, prefs.servers),
    }),
  )
  .catch(reportError);
