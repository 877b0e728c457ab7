// The fake CircleCI API as the job page's own session sees it (the session route, #13): v1.1 build
// details and each step's raw output at https://circleci.com/api/…, answered only to a request that
// carries the session cookie and comes from the job page's origin, with the CORS headers a browser
// needs for a credentialed cross-origin read. The answers are built from the same scenarios as the
// pages (jobs.js, through fake-api.js), so the API and the page agree unless a scenario says otherwise.
// Register it after serveCircleCI: Playwright tries the routes registered last first.

import { API_ORIGIN, buildDetails, stepOutput } from './fake-api.js';
import { ORG, REPO } from './jobs.js';

export const SESSION_COOKIE = 'fake-circleci-session';
const SESSION_VALUE = 'c2Vzc2lvbi1mb3ItdGVzdHM';
export const PAGE_ORIGIN = 'https://app.circleci.com';
/** In the `disagree` scenario, what the API prints for this container of job 116, unlike the page. */
export const DISAGREEING = { container: 3, line: '    $ ssh -p 64621 3.92.41.99' };

const BUILD_PATH = /^\/api\/v1\.1\/project\/github\/([^/]+)\/([^/]+)\/([0-9]{1,9})$/;
const RAW_PATH =
  /^\/api\/private\/output\/raw\/github\/([^/]+)\/([^/]+)\/([0-9]{1,9})\/output\/([0-9]{1,3})\/([0-9]{1,9})$/;
const CORS = {
  'access-control-allow-origin': PAGE_ORIGIN,
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers': 'retry-after, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset',
  vary: 'Origin',
};

/**
 * What the fake answers, as `{ status, headers, body }`, and every request it was asked; delivered by
 * serveFakeSession (Playwright) or a Firefox test's own interception.
 * @param {{ scenario?: 'ok' | 'unauthorized' | 'not-found' | 'disagree' | 'rate-limited-once' | 'hostile-output', cors?: boolean, jobs?: import('./fake-api.js').Scenarios }} [options]
 *   `jobs`: the jobs it answers for, jobs.js's unless another site (the bench's) has more.
 */
export function createFakeSession({ scenario = 'ok', cors = true, jobs } = {}) {
  /** @type {{ url: string, headers: Record<string, string> }[]} */
  const requests = [];
  let builds = 0;
  // Playwright adds CORS headers that let the page in to a fulfilled cross-origin answer that has none,
  // so "no CORS for the page" is an answer that allows only the API's own origin, which the browser
  // then hides from the page all the same.
  const corsHeaders = cors ? CORS : { 'access-control-allow-origin': API_ORIGIN };
  const answer = (status, body, type, headers = {}) => ({
    status,
    headers: { 'content-type': type, ...corsHeaders, ...headers },
    body,
  });
  const json = (status, body, headers) => answer(status, JSON.stringify(body), 'application/json', headers);

  const respond = (url, headers) => {
    const signedIn = (headers.cookie ?? '').split(/;\s*/).includes(`${SESSION_COOKIE}=${SESSION_VALUE}`);
    // The session counts only from the job page: no cookie, another origin or none at all is refused.
    if (!signedIn || headers.origin !== PAGE_ORIGIN || scenario === 'unauthorized') {
      return json(401, { message: 'You must log in first.' });
    }
    const { pathname } = new URL(url);
    const build = BUILD_PATH.exec(pathname);
    const raw = RAW_PATH.exec(pathname);
    const match = build ?? raw;
    if (!match || match[1] !== ORG || match[2] !== REPO || scenario === 'not-found') {
      return json(404, { message: 'Build not found' });
    }
    if (build) {
      builds++;
      if (scenario === 'rate-limited-once' && builds === 1) {
        return json(429, { message: 'Rate limit exceeded' }, { 'retry-after': '1', 'x-ratelimit-remaining': '0' });
      }
      return json(200, buildDetails(Number(build[3]), Date.now(), jobs));
    }
    const [jobNumber, container, stepId] = [match[3], match[4], match[5]].map(Number);
    const messages = stepOutput(jobNumber, container, stepId, scenario === 'hostile-output', Date.now(), jobs);
    if (!messages) return json(404, { message: 'Not found' });
    let text = messages.map((entry) => entry.message).join('');
    if (scenario === 'disagree' && container === DISAGREEING.container) {
      text = text.replace(/^ {4}\$ ssh .*$/gm, DISAGREEING.line);
    }
    return answer(200, text, 'application/octet-stream');
  };

  return {
    requests,
    /** @param {string} url @param {Record<string, string>} headers lower-case names, cookies included */
    respond: (url, headers) => {
      requests.push({ url, headers });
      return respond(url, headers);
    },
  };
}

/** The session cookie as a browser stores it for circleci.com. */
export const SESSION_COOKIE_FIELDS = { name: SESSION_COOKIE, value: SESSION_VALUE, domain: 'circleci.com', path: '/' };

/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {Parameters<typeof createFakeSession>[0]} [options]
 */
export async function serveFakeSession(context, options) {
  const fake = createFakeSession(options);
  /** @param {import('@playwright/test').Route} route */
  const handler = async (route) => {
    const request = route.request();
    await route.fulfill(fake.respond(request.url(), await request.allHeaders())).catch(() => undefined);
  };
  await context.addCookies([{ name: SESSION_COOKIE, value: SESSION_VALUE, url: `${API_ORIGIN}/` }]);
  await context.route(`${API_ORIGIN}/api/**`, handler);

  return {
    requests: fake.requests,
    stop: async () => {
      await context.unroute(`${API_ORIGIN}/api/**`, handler);
      await context.clearCookies({ name: SESSION_COOKIE });
    },
  };
}
