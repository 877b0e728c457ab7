// Serves the fake CircleCI pages in this folder at the real CircleCI URLs, so the extension's
// content script matches them exactly as it would in production. Plain JS so the `npm start` demo
// (Node, no TypeScript loader) shares it with the Playwright tests.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const siteDir = new URL('.', import.meta.url);

/** @param {import('@playwright/test').BrowserContext} context */
export async function serveCircleCI(context) {
  await context.route('https://app.circleci.com/**', (route) => serve(route, () => 'app.html'));
  await context.route('https://circleci.com/**', (route) =>
    serve(route, (pathname) => (/^\/(gh|bb)\//.test(pathname) ? 'legacy.html' : null)),
  );
}

/**
 * @param {import('@playwright/test').Route} route
 * @param {(pathname: string) => string | null} pageFor
 */
async function serve(route, pageFor) {
  const { pathname } = new URL(route.request().url());
  // Only plain file names from this folder, so no URL can reach outside it.
  const asset = /^\/__fixture__\/([\w-]+\.(?:js|html))$/.exec(pathname);
  const file = asset ? (asset[1] ?? null) : pageFor(pathname);
  const path = file === null ? null : fileURLToPath(new URL(file, siteDir));
  if (path === null || !existsSync(path)) {
    await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
    return;
  }
  const contentType = path.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8';
  await route.fulfill({ path, contentType });
}
