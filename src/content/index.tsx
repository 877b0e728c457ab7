// Content script entry: runs each feature once per visit of a CircleCI job page.

import { copySshCommand } from './features/copy-ssh-command';
import { runOnJobPages } from './page-visits';

runOnJobPages([copySshCommand]);
