// Content script entry: runs each feature once per visit of a CircleCI job page.

import { CLOUD_APP_HOST } from '../circleci/page-detect';
import { loadPrefs } from '../shared/prefs-storage';
import { copySshCommand } from './features/copy-ssh-command';
import { sshPanel } from './features/ssh-panel';
import { runOnJobPages } from './page-visits';
import { reportError } from './report-error';

// On a CircleCI server the user added, its app host counts as CircleCI's.
loadPrefs()
  .then(({ prefs }) =>
    runOnJobPages([copySshCommand, sshPanel], [CLOUD_APP_HOST, ...prefs.servers.map((server) => server.appHost)]),
  )
  .catch(reportError);
