// The session route (#13) in Firefox ESR: the job page's own CircleCI session fills the SSH panel for
// all eight containers on first load, with no token and no run opened. The tab answers the fake API
// (site/fake-session.js) itself, in front of the fake site, and the fake serves only the job page's
// origin with its cookie.

import { expect, test } from '@playwright/test';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { createFakeSession, PAGE_ORIGIN, SESSION_COOKIE_FIELDS } from '../site/fake-session.js';
import { parallel8Url } from '../site/jobs.js';
import { answer } from '../site/serve.js';
import { type Firefox, useFirefox } from './firefox';
import { openPage } from './job-page';
import { aria, copy, readClipboard } from './queries';

const KEY = '~/.ssh/id_ed25519';
const PANEL = 'SSH access to job 116';

let firefox: Firefox;

useFirefox('the Firefox session route', (browser) => {
  firefox = browser;
});

/** A tab that answers https://circleci.com/api/** from the fake session, and the rest from the site. */
async function tabWithSession(fake: ReturnType<typeof createFakeSession>): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.setRequestInterception(true);
  const respond = async (request: HTTPRequest) => {
    if (!request.url().startsWith('https://circleci.com/api/')) return answer(request);
    const headers = Object.fromEntries(
      Object.entries(request.headers()).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const { status, headers: responseHeaders, body } = fake.respond(request.url(), headers);
    await request.respond({ status, headers: responseHeaders, body });
  };
  page.on('request', (request) => {
    if (!request.isInterceptResolutionHandled()) void respond(request).catch(() => undefined);
  });
  return page;
}

test('fills all eight containers on first load, without a token and without opening a run', async () => {
  const setup = await firefox.newPage();
  await firefox.setPrefs(setup, {
    schemaVersion: 2,
    profiles: [{ id: 'default', name: 'Default', keyPath: KEY }],
    defaultProfileId: 'default',
  });
  await setup.close();
  await firefox.browser.setCookie({ ...SESSION_COOKIE_FIELDS, secure: true });
  const fake = createFakeSession();
  const page = await tabWithSession(fake);
  try {
    await openPage(page, parallel8Url(0));
    await page.waitForSelector(`${aria(PANEL, 'region')} >>> ::-p-text(8 of 8 containers known)`, { timeout: 15_000 });
    await copy(page, 'Copy SSH command for container 6');
    await expect.poll(() => readClipboard(page)).toBe(`ssh -i ${KEY} -o IdentitiesOnly=yes -p 64642 -- 3.92.41.26`);
    // Run 6 was never opened: its command came through the session. Details, then eight outputs.
    expect(fake.requests.length).toBeGreaterThanOrEqual(9);
    for (const { url, headers } of fake.requests) {
      expect(new URL(url).origin).toBe('https://circleci.com');
      expect(headers.origin).toBe(PAGE_ORIGIN);
      expect(headers['circle-token']).toBeUndefined();
    }
  } finally {
    await page.close();
    await firefox.browser.deleteMatchingCookies({ name: SESSION_COOKIE_FIELDS.name });
  }
});
