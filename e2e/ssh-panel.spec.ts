// The job SSH panel (#6) through the built extension in Chromium: without a token it fills as runs are
// visited; with one, from the fake CircleCI API, every container at once. Copies read the real clipboard.

import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { WORK_FINGERPRINT } from './accounts';
import { expect, test, withDefaultKey } from './fixtures';
import { expand, step } from './job-page';
import { FAKE_TOKEN, OUTPUT_ORIGIN, SSH_USER, serveFakeApi } from './site/fake-api.js';
import { jobUrl, parallel8Url } from './site/jobs.js';

const KEY = '~/.ssh/id_ed25519';
/** Job 116's containers: `ssh -p 64600+7i 3.92.41.(20+i)`. */
const box = (container: number) => ({ port: 64600 + 7 * container, host: `3.92.41.${20 + container}` });
const command = (container: number) =>
  `ssh -i ${KEY} -o IdentitiesOnly=yes -p ${box(container).port} -- ${box(container).host}`;

const panel = (page: Page, job = 116) => page.getByRole('region', { name: `SSH access to job ${job}` });
const copyFor = (page: Page, container: number) =>
  panel(page).getByRole('button', { name: `Copy SSH command for container ${container}`, exact: true });

// `page` first: its fixture clears the storage, which would drop the preferences set here.
test.beforeEach(async ({ page: _clearedFirst, setPrefs }) => {
  await setPrefs(withDefaultKey(KEY));
});

let tokens = 0;
/**
 * Saves a token of its own for this test and serves the fake API for it: the background worker
 * outlives a test, and its short cache of API answers is per token.
 */
async function withApi(
  background: Worker,
  context: BrowserContext,
  options: Omit<Parameters<typeof serveFakeApi>[1] & object, 'token'> = {},
) {
  const token = `${FAKE_TOKEN.slice(0, 30)}${String(++tokens).padStart(10, '0')}`;
  await background.evaluate(
    (value) => chrome.storage.local.set({ apiToken: { token: value, savedAt: Date.now() } }),
    token,
  );
  return serveFakeApi(context, { ...options, token });
}

test.describe('without a token', () => {
  test('fills as runs are visited, remembers them this session, and links the others', async ({
    page,
    readClipboard,
  }) => {
    await page.goto(parallel8Url(0));
    await expect(panel(page).getByText('1 of 8 containers known')).toBeVisible();
    await copyFor(page, 0).click();
    await expect.poll(readClipboard).toBe(command(0));

    // Run 5 is not known yet: its row links to CircleCI's own run page.
    await panel(page).getByRole('link', { name: 'Open run 5' }).click();
    await expect(page).toHaveURL(/\/parallel-runs\/5$/);
    await expect(panel(page).getByText('2 of 8 containers known')).toBeVisible();
    await copyFor(page, 5).click();
    await expect.poll(readClipboard).toBe(command(5));
    // Run 0, visited before, is still there.
    await copyFor(page, 0).click();
    await expect.poll(readClipboard).toBe(command(0));

    // A new page load in the same session remembers both.
    await page.goto(parallel8Url(2));
    await expect(panel(page).getByText('3 of 8 containers known')).toBeVisible();
    await expect(panel(page).getByRole('button', { name: /^Copy SSH command for container \d$/ })).toHaveCount(3);
  });

  test('exactly one panel, under the job header, and none on a job without SSH', async ({ page }) => {
    await page.goto(parallel8Url(1));
    await expect(panel(page)).toHaveCount(1);
    const after = await page.evaluate(() => document.querySelector('main header')?.nextElementSibling?.localName);
    expect(after).toBe('circleci-ssh-copy');
    await page.goto(jobUrl(106));
    await expect(page.getByRole('heading', { name: /\(106\)/ })).toBeVisible();
    await expect(page.getByRole('region', { name: /^SSH access to job/ })).toHaveCount(0);
  });

  test('counts down the time to connect, live', async ({ page }) => {
    await page.goto(parallel8Url(0));
    const countdown = panel(page).getByText(/^Connect within \d+:\d\d · session ends about \d{1,2}:\d\d/);
    await expect(countdown).toBeVisible();
    const first = await countdown.textContent();
    await expect.poll(() => countdown.textContent(), { timeout: 3000 }).not.toBe(first);
  });

  test('the countdown rests while the panel is off screen, and is right the moment it is back', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 300 });
    await page.goto(parallel8Url(0));
    const countdown = panel(page).getByText(/^Connect within \d+:\d\d/);
    await expect(countdown).toBeVisible();
    // Every write into the panel from here on, counted in the page.
    await page.evaluate(() => {
      const root = document.querySelector('main header + circleci-ssh-copy')?.shadowRoot;
      if (!root) throw new Error('no panel');
      const counter = window as unknown as { panelWrites: number };
      counter.panelWrites = 0;
      new MutationObserver((records) => {
        counter.panelWrites += records.length;
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    const writes = () => page.evaluate(() => (window as unknown as { panelWrites: number }).panelWrites);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(countdown).not.toBeInViewport();
    const before = await countdown.textContent();
    const writesBefore = await writes();
    await page.waitForTimeout(2500); // two and a half seconds that a live countdown would have shown
    expect(await writes()).toBe(writesBefore);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(countdown).not.toHaveText(before ?? '', { timeout: 500 });
  });

  test('host keys to compare with ssh, and the ssh-keygen -R line for a stale entry', async ({
    page,
    readClipboard,
  }) => {
    await page.goto(parallel8Url(3));
    // Enable SSH prints the host keys; it is collapsed until opened.
    await expand(page, 'Enable SSH');
    await panel(page).getByText('Host keys of container 3').click();
    const keys = panel(page).getByRole('list', { name: 'Host keys of container 3' });
    await expect(keys.getByText(/^SHA256:[A-Za-z0-9+/]{43}$/)).toHaveCount(4);
    await panel(page).getByRole('button', { name: 'Copy ssh-keygen command for container 3' }).click();
    await expect.poll(readClipboard).toBe(`ssh-keygen -R '[${box(3).host}]:${box(3).port}'`);
  });

  test('a new key redraws the commands and keeps the host keys the user opened', async ({
    page,
    setPrefs,
    readClipboard,
  }) => {
    await page.goto(parallel8Url(3));
    await expand(page, 'Enable SSH');
    await panel(page).getByText('Host keys of container 3').click();
    const keys = panel(page).getByRole('list', { name: 'Host keys of container 3' });
    await expect(keys).toBeVisible();
    await setPrefs(withDefaultKey('~/.ssh/id_work'));
    await expect(
      panel(page).getByText(`ssh -i ~/.ssh/id_work -o IdentitiesOnly=yes -p ${box(3).port}`, { exact: false }),
    ).toBeVisible();
    await expect(keys).toBeVisible();
    await copyFor(page, 3).click();
    await expect
      .poll(readClipboard)
      .toBe(`ssh -i ~/.ssh/id_work -o IdentitiesOnly=yes -p ${box(3).port} -- ${box(3).host}`);
  });

  test('setting up: the row waits, then offers the command as it streams in', async ({ page, readClipboard }) => {
    await page.goto(jobUrl(105));
    await expect(panel(page, 105).getByText('Setting up SSH…')).toBeVisible();
    await panel(page, 105).getByRole('button', { name: 'Copy SSH command for container 0', exact: true }).click();
    await expect.poll(readClipboard).toBe(`ssh -i ${KEY} -o IdentitiesOnly=yes -p 64536 -- 100.26.97.124`);
  });

  test('a click survives the panel redrawing between the press and the release', async ({ page, readClipboard }) => {
    await page.goto(parallel8Url(0));
    await expand(page, 'Enable SSH');
    const copy = copyFor(page, 0);
    await copy.scrollIntoViewIfNeeded();
    const box = await copy.boundingBox();
    if (!box) throw new Error('the copy button has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    // A host key streams into Enable SSH while the button is held: the panel has something new to show.
    await page.evaluate(() =>
      (window as unknown as { __fixture: { append: (step: string, lines: string[]) => void } }).__fixture.append(
        'Enable SSH',
        ['Host keys:', `- SHA256:${'E'.repeat(43)} (ECDSA)`],
      ),
    );
    await page.waitForTimeout(100); // the step watcher's look, and a redraw if one were to come now
    await page.mouse.up();
    await expect.poll(readClipboard).toBe(command(0));
    // The release let the redraw through: the new host key is in the panel.
    await panel(page).getByRole('button', { name: 'Host keys of container 0' }).click();
    await expect(panel(page).getByText('E'.repeat(43))).toBeVisible();
  });

  test('no SSH key: the failed Enable SSH step leads to CircleCI’s key settings', async ({ page }) => {
    await page.goto(jobUrl(117));
    const link = panel(page, 117).getByRole('link', { name: 'Add an SSH key in your CircleCI user settings' });
    await expect(link).toHaveAttribute('href', 'https://app.circleci.com/settings/user/job-ssh-keys');
    await expect(panel(page, 117).getByText('CircleCI could not enable SSH for this container.')).toBeVisible();
  });

  test("someone else's rerun: none of the user's keys is authorized", async ({ page, setPrefs }) => {
    await setPrefs({
      schemaVersion: 2,
      profiles: [{ id: 'mine', name: 'Mine', keyPath: KEY, fingerprint: `SHA256:${'A'.repeat(43)}` }],
      defaultProfileId: 'mine',
    });
    await page.goto(parallel8Url(0));
    // Enable SSH lists the authorized keys; it is collapsed until opened.
    await expand(page, 'Enable SSH');
    await expect(panel(page).getByText(/only the keys of whoever started this rerun work/)).toBeVisible();
  });

  test('the cancel nudge points at CircleCI’s Rerun menu, from the keyboard', async ({ page }) => {
    await page.goto(parallel8Url(0));
    await expect(panel(page).getByText(/Cancel the job when you're done/)).toBeVisible();
    const show = panel(page).getByRole('button', { name: "Show CircleCI's Cancel job" });
    await show.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Rerun ▾' })).toBeFocused();
  });

  test('has no accessibility violations', async ({ page }) => {
    await page.goto(parallel8Url(0));
    await expect(copyFor(page, 0)).toBeVisible();
    const results = await new AxeBuilder({ page }).include('circleci-ssh-copy').analyze();
    expect(results.violations).toEqual([]);
  });
});

test.describe('with an API token', () => {
  test('every container at once, without opening a run; the token never leaves the API', async ({
    page,
    background,
    browserContext,
    readClipboard,
  }) => {
    const api = await withApi(background, browserContext);
    try {
      await page.goto(parallel8Url(0));
      await expect(panel(page).getByText('8 of 8 containers known')).toBeVisible();
      // The token's owner started the rerun: no warning about someone else's keys.
      await expect(panel(page).getByText(/only their keys work/)).toHaveCount(0);
      for (const container of [7, 4]) {
        await copyFor(page, container).click();
        await expect.poll(readClipboard).toBe(command(container));
      }
      const outputRequests = api.requests.filter((request) => request.url.startsWith(OUTPUT_ORIGIN));
      expect(outputRequests.length).toBeGreaterThanOrEqual(8);
      for (const request of outputRequests) expect(request.headers['circle-token']).toBeUndefined();
      // A collapsed Enable SSH step in the page does not matter: the API read it.
      await expect(step(page, 'Enable SSH')).toBeVisible();
    } finally {
      await api.stop();
    }
  });

  test('a refused token is said in the panel, which still fills from the page', async ({
    page,
    background,
    browserContext,
    readClipboard,
  }) => {
    const api = await withApi(background, browserContext, { scenario: 'unauthorized' });
    try {
      await page.goto(parallel8Url(2));
      await expect(panel(page).getByText(/refused the token/)).toBeVisible();
      await copyFor(page, 2).click();
      await expect.poll(readClipboard).toBe(command(2));
    } finally {
      await api.stop();
    }
  });

  test('a malformed answer is said, and never breaks the page', async ({ page, background, browserContext }) => {
    const api = await withApi(background, browserContext, { scenario: 'malformed' });
    try {
      await page.goto(parallel8Url(1));
      await expect(panel(page).getByText(/answered something unexpected/)).toBeVisible();
      await expand(page, 'Enable SSH');
      await expect(step(page, 'Enable SSH').getByRole('button', { name: /^Copy SSH command/ })).toBeVisible();
    } finally {
      await api.stop();
    }
  });

  test('a slow API: the panel says it is asking, then fills', async ({ page, background, browserContext }) => {
    const api = await withApi(background, browserContext, { scenario: 'slow', delayMs: 2000 });
    try {
      await page.goto(parallel8Url(1));
      await expect(panel(page).getByText("Asking CircleCI's API for every container…")).toBeVisible();
      await expect(panel(page).getByText('8 of 8 containers known')).toBeVisible({ timeout: 10_000 });
      await expect(panel(page).getByText("Asking CircleCI's API for every container…")).toHaveCount(0);
    } finally {
      await api.stop();
    }
  });

  test('a rerun without SSH steps: the user has no key at CircleCI', async ({ page, background, browserContext }) => {
    const api = await withApi(background, browserContext);
    try {
      await page.goto(jobUrl(118));
      await expect(
        panel(page, 118).getByRole('link', { name: 'Add an SSH key in your CircleCI user settings' }),
      ).toBeVisible();
    } finally {
      await api.stop();
    }
  });

  test("someone else's rerun is named, and an expired window says so", async ({ page, background, browserContext }) => {
    // The token is grace's; SSH_USER started the rerun (the fake's ssh_users): only their keys are installed.
    // Wait for SSH began well over ten minutes ago: nobody connected, the box is gone.
    const api = await withApi(background, browserContext, { agoMs: 20 * 60_000, viewer: 'grace' });
    try {
      await page.goto(parallel8Url(6));
      await expect(
        panel(page).getByText(`This rerun was started by ${SSH_USER}: only their keys work.`, { exact: false }),
      ).toBeVisible();
      await expect(
        panel(page)
          .getByText(/The time to connect has passed/)
          .first(),
      ).toBeVisible();
    } finally {
      await api.stop();
    }
  });
});

test('a key authorized for the rerun raises no warning', async ({ page, setPrefs }) => {
  await setPrefs({
    schemaVersion: 2,
    profiles: [{ id: 'work', name: 'Work', keyPath: KEY, fingerprint: WORK_FINGERPRINT }],
    defaultProfileId: 'work',
  });
  await page.goto(parallel8Url(0));
  await expect(copyFor(page, 0)).toBeVisible();
  await expect(panel(page).getByText(/only the keys of whoever started/)).toHaveCount(0);
});
