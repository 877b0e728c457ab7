// Serves the fake CircleCI pages in this folder at the real CircleCI URLs, so the extension's
// content script matches them exactly as it would in production. Plain JS so the `npm start` demo
// (Node, no TypeScript loader) shares it with the Playwright tests. One decision, `siteResponse`,
// says what each URL gets; `serveCircleCI` (Playwright) and `servePuppeteer` (the Firefox tests)
// only deliver it.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const siteDir = new URL('.', import.meta.url);

/**
 * @typedef {{ status: 200, contentType: string, path: string }
 *   | { status: 404, contentType: string, body: string }} SiteResponse
 */

/**
 * What the fake CircleCI answers for `url`: a file from this folder, or a 404. `null` for any URL
 * outside https://app.circleci.com/** and https://circleci.com/**, which the site does not serve.
 * @param {string} url
 * @returns {SiteResponse | null}
 */
export function siteResponse(url) {
  const { protocol, host, pathname } = new URL(url);
  if (protocol !== 'https:' || (host !== 'app.circleci.com' && host !== 'circleci.com')) return null;
  // Only plain file names from this folder, so no URL can reach outside it.
  const asset = /^\/__fixture__\/([\w-]+\.(?:js|html))$/.exec(pathname);
  const page = host === 'app.circleci.com' ? 'app.html' : /^\/(gh|bb)\//.test(pathname) ? 'legacy.html' : null;
  const file = asset ? (asset[1] ?? null) : page;
  const path = file === null ? null : fileURLToPath(new URL(file, siteDir));
  if (path === null || !existsSync(path)) return { status: 404, contentType: 'text/plain', body: 'Not found' };
  const contentType = path.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8';
  return { status: 200, contentType, path };
}

/** @param {import('@playwright/test').BrowserContext} context */
export async function serveCircleCI(context) {
  /** @param {import('@playwright/test').Route} route */
  const serve = async (route) => {
    // Both patterns are CircleCI's, so the site always has an answer; continue() is only a fallback.
    const response = siteResponse(route.request().url());
    if (response) await route.fulfill(response);
    else await route.continue();
  };
  await context.route('https://app.circleci.com/**', serve);
  await context.route('https://circleci.com/**', serve);
}

/**
 * The same site for a puppeteer page (the Firefox tests, over WebDriver BiDi). Other requests go
 * ahead when they stay inside the browser (data:, blob:, about:, moz-extension:) and are aborted
 * when they would reach the network, which these machines do not have.
 * @param {import('puppeteer-core').Page} page
 */
export async function servePuppeteer(page) {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    void answer(request).catch(() => {
      // The page navigated or closed while we were answering; nothing is waiting for this request.
    });
  });
}

/**
 * One request from the site, as servePuppeteer answers it; for a test with interception of its own.
 * @param {import('puppeteer-core').HTTPRequest} request
 */
export async function answer(request) {
  const response = siteResponse(request.url());
  if (response === null) {
    const { protocol } = new URL(request.url());
    if (/^(https?|wss?|ftp):$/.test(protocol)) await request.abort('internetdisconnected');
    else await request.continue();
    return;
  }
  const body = 'path' in response ? await readFile(response.path) : response.body;
  await request.respond({ status: response.status, contentType: response.contentType, body });
}
