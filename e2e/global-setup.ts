// `npm test` says once, in one line, which browsers the e2e tests drive and where they came from (or
// the command that installs a missing one).
import { browserLine, lookUp } from '../scripts/browsers/index.js';

export default function sayWhichBrowsers(): void {
  console.log(`Browsers: ${browserLine(lookUp('chromium'))} · ${browserLine(lookUp('firefox'))}`);
}
