// The session route (#13) through the built extension in Chromium: with no token, the job page's own
// CircleCI session fills the SSH panel for every container on first load. The fake API
// (site/fake-session.js) answers only the page's origin with its cookie, with the CORS headers a
// browser needs; without them, or refused, the panel falls back to the page in silence.

import type { Page, Worker } from '@playwright/test';
import { expect, test, withDefaultKey } from './fixtures';
import { OUTPUT_ORIGIN } from './site/fake-api.js';
import { DISAGREEING, PAGE_ORIGIN, SESSION_COOKIE, serveFakeSession } from './site/fake-session.js';
import { parallel8Url } from './site/jobs.js';
import type { Markup } from './site/types';

const KEY = '~/.ssh/id_ed25519';
/** Job 116's containers: `ssh -p 64600+7i 3.92.41.(20+i)`. */
const command = (container: number) =>
  `ssh -i ${KEY} -o IdentitiesOnly=yes -p ${64600 + 7 * container} -- 3.92.41.${20 + container}`;
const panel = (page: Page) => page.getByRole('region', { name: 'SSH access to job 116' });
const copyFor = (page: Page, container: number) =>
  panel(page).getByRole('button', { name: `Copy SSH command for container ${container}`, exact: true });
const copyButtons = (page: Page) => panel(page).getByRole('button', { name: /^Copy SSH command for container \d$/ });

/** Whether the background remembers that circleci.com refused the session this browser session. */
const refusalRemembered = (background: Worker) =>
  background.evaluate(async () => {
    const key = 'session-refused:https://circleci.com';
    return (await chrome.storage.session.get(key))[key] === true;
  });

test.beforeEach(async ({ page: _clearedFirst, setPrefs }) => {
  await setPrefs(withDefaultKey(KEY));
});

// `canvas` draws its log: the page has no line of text to read, and the session alone fills the panel.
for (const markup of ['classic', 'rows', 'canvas'] as const satisfies readonly Markup[]) {
  test.describe(`${markup} markup`, () => {
    test.use({ markup });

    test('fills all eight containers on first load, without a token and without opening a run', async ({
      page,
      browserContext,
      readClipboard,
    }) => {
      const api = await serveFakeSession(browserContext);
      try {
        await page.goto(parallel8Url(0));
        await expect(panel(page).getByText('8 of 8 containers known')).toBeVisible();
        const from = markup === 'canvas' ? 'From: CircleCI (your sign-in)' : 'From: CircleCI (your sign-in), this page';
        await expect(panel(page).getByText(from, { exact: true })).toBeVisible();
        if (markup === 'canvas') {
          const outputs = page.locator('[data-fixture="output"]');
          await expect(outputs.first().locator('canvas')).toHaveCount(1);
          expect((await outputs.allTextContents()).join('')).not.toContain('ssh');
        }
        for (const container of [7, 0]) {
          await copyFor(page, container).click();
          await expect.poll(readClipboard).toBe(command(container));
        }
        // The page's origin and cookie, no token; nothing to the output host.
        expect(api.requests.length).toBeGreaterThanOrEqual(9);
        for (const { url, headers } of api.requests) {
          expect(new URL(url).origin).toBe('https://circleci.com');
          expect(headers.origin).toBe(PAGE_ORIGIN);
          expect(headers.cookie).toContain(SESSION_COOKIE);
          expect(headers['circle-token']).toBeUndefined();
          expect(url.startsWith(OUTPUT_ORIGIN)).toBe(false);
        }
      } finally {
        await api.stop();
      }
    });
  });
}

test('without CORS headers the page cannot read the answers: the panel falls back in silence, and asks once', async ({
  page,
  browserContext,
  background,
  readClipboard,
}) => {
  const api = await serveFakeSession(browserContext, { cors: false });
  try {
    await page.goto(parallel8Url(2));
    await expect(panel(page).getByText('1 of 8 containers known')).toBeVisible();
    await copyFor(page, 2).click();
    await expect.poll(readClipboard).toBe(command(2));
    await expect.poll(() => api.requests.length).toBeGreaterThan(0);
    // Retried as a network failure would be, then remembered (for the browser session, under the API's
    // origin: background/session-route.ts): no note, and no request on the next page.
    await expect.poll(() => refusalRemembered(background)).toBe(true);
    await expect(panel(page).getByText(/^From: this page$/)).toBeVisible();
    await expect(panel(page).getByRole('note')).toHaveCount(0);
    const asked = api.requests.length;
    await page.goto(parallel8Url(4));
    await expect(copyFor(page, 4)).toBeVisible();
    await page.waitForTimeout(1000);
    expect(api.requests).toHaveLength(asked);
  } finally {
    await api.stop();
  }
});

test('a 401 is remembered for circleci.com this session: later pages ask nothing and fill from the page', async ({
  page,
  browserContext,
  readClipboard,
}) => {
  const api = await serveFakeSession(browserContext, { scenario: 'unauthorized' });
  try {
    await page.goto(parallel8Url(1));
    await expect(copyFor(page, 1)).toBeVisible();
    await expect.poll(() => api.requests.length).toBe(1);
    await expect(panel(page).getByRole('note')).toHaveCount(0);
    for (const container of [5, 6]) {
      await page.goto(parallel8Url(container));
      await copyFor(page, container).click();
      await expect.poll(readClipboard).toBe(command(container));
    }
    await page.waitForTimeout(1000);
    expect(api.requests).toHaveLength(1);
  } finally {
    await api.stop();
  }
});

test('the session and the page disagree about a container: a warning and no button for it', async ({
  page,
  browserContext,
}) => {
  const api = await serveFakeSession(browserContext, { scenario: 'disagree' });
  try {
    await page.goto(parallel8Url(DISAGREEING.container));
    const row = panel(page)
      .getByRole('listitem')
      .filter({ hasText: `Container ${DISAGREEING.container}` });
    await expect(row.getByText(/CircleCI and this page name different addresses/)).toBeVisible();
    await expect(copyFor(page, DISAGREEING.container)).toHaveCount(0);
    await expect(copyButtons(page)).toHaveCount(7);
    await expect(panel(page)).not.toContainText('3.92.41.99');
  } finally {
    await api.stop();
  }
});

test('hostile output through the session gives no command at all', async ({ page, browserContext }) => {
  const api = await serveFakeSession(browserContext, { scenario: 'hostile-output' });
  try {
    await page.goto(parallel8Url(0));
    await expect(panel(page).getByText('1 of 8 containers known')).toBeVisible();
    await expect.poll(() => api.requests.length).toBeGreaterThanOrEqual(9);
    await expect(copyButtons(page)).toHaveCount(1);
  } finally {
    await api.stop();
  }
});

test('a rate limit is waited out, then every container fills', async ({ page, browserContext }) => {
  const api = await serveFakeSession(browserContext, { scenario: 'rate-limited-once' });
  try {
    await page.goto(parallel8Url(0));
    await expect(panel(page).getByText('8 of 8 containers known')).toBeVisible({ timeout: 10_000 });
  } finally {
    await api.stop();
  }
});

test('turned off in the options: the page asks CircleCI nothing and the panel fills as today', async ({
  page,
  browserContext,
  setPrefs,
}) => {
  await setPrefs(withDefaultKey(KEY, { sessionRoute: false }));
  const api = await serveFakeSession(browserContext);
  try {
    await page.goto(parallel8Url(0));
    await expect(panel(page).getByText('1 of 8 containers known')).toBeVisible();
    await page.waitForTimeout(1500);
    expect(api.requests).toEqual([]);
  } finally {
    await api.stop();
  }
});

test('the options page turns it off with one checkbox, on by default', async ({ page, background }) => {
  await page.goto(`chrome-extension://${new URL(background.url()).host}/src/options/index.html`);
  const region = page.getByRole('region', { name: 'Read jobs with your CircleCI sign-in' });
  const box = region.getByRole('checkbox', { name: /Fill the SSH panel from CircleCI's API/ });
  await expect(box).toBeChecked();
  await expect(box).toHaveAccessibleDescription(/asks CircleCI nothing without a token/);
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).not.toBeChecked();
  await expect
    .poll(() =>
      background.evaluate(() =>
        chrome.storage.sync.get('prefs').then(({ prefs }) => (prefs as { sessionRoute?: boolean })?.sessionRoute),
      ),
    )
    .toBe(false);
});
