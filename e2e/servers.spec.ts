// A self-hosted CircleCI server, end to end: added in the options page, the extension runs on its
// host and accepts its SSH proxy; removed, it stops. Headless Chromium cannot answer a permission
// prompt, so this test loads a copy of dist/chrome whose manifest already grants the server's host:
// the options page's request then resolves at once, and everything after it (registration, the
// content script on the new host, the proxy host) is the real code. dist/chrome itself is unchanged.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, test as base, chromium, expect, type Worker } from '@playwright/test';
import { chromiumPath, extensionArgs } from './browser.js';
import { extensionDir } from './fixtures';
import { copyButtons, step } from './job-page';
import { jobUrl } from './site/jobs.js';
import { serveCircleCI, siteResponse } from './site/serve.js';

const SERVER = 'app.ci.example.com';
const serverJobUrl = jobUrl(115).replace('app.circleci.com', SERVER);

const test = base.extend<{ context: BrowserContext; background: Worker; optionsUrl: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  context: async ({}, use) => {
    const copy = mkdtempSync(join(tmpdir(), 'ssh-copy-server-'));
    cpSync(extensionDir, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
    writeFileSync(
      join(copy, 'manifest.json'),
      JSON.stringify({ ...manifest, host_permissions: [`https://${SERVER}/*`] }),
    );
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath,
      headless: true,
      args: extensionArgs(copy),
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `https://${SERVER}` });
    await serveCircleCI(context);
    // The server's web app is the same fake CircleCI, at its own host.
    await context.route(`https://${SERVER}/**`, async (route) => {
      const answer = siteResponse(route.request().url().replace(SERVER, 'app.circleci.com'));
      if (!answer) return route.abort();
      await route.fulfill(answer.status === 200 ? { path: answer.path, contentType: answer.contentType } : answer);
    });
    await use(context);
    await context.close();
    rmSync(copy, { recursive: true, force: true });
  },
  background: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  optionsUrl: async ({ background }, use) => {
    await use(`chrome-extension://${new URL(background.url()).host}/src/options/index.html`);
  },
});

const registeredScripts = (background: Worker) =>
  background.evaluate(async () =>
    (
      await (
        chrome as unknown as {
          scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches: string[] }[]> };
        }
      ).scripting.getRegisteredContentScripts()
    ).map(({ id, matches }) => ({ id, matches })),
  );

test('a CircleCI server added in the options page gets copy buttons for its own proxy, until removed', async ({
  context,
  background,
  optionsUrl,
}) => {
  const job = await context.newPage();
  await job.goto(serverJobUrl);
  await expect(step(job, 'Wait for SSH')).toBeVisible();
  await expect(job.locator('circleci-ssh-copy')).toHaveCount(0); // not our page yet

  const options = await context.newPage();
  await options.goto(optionsUrl);
  await options.getByLabel('App host').fill(SERVER);
  await options.getByLabel('SSH proxy host (optional)').fill('ssh.ci.example.com');
  await options.getByRole('button', { name: 'Add server' }).click();
  await expect(options.getByRole('button', { name: `Remove ${SERVER}` })).toBeVisible();
  await expect
    .poll(() => registeredScripts(background))
    .toEqual([{ id: `server:https://${SERVER}/*`, matches: [`https://${SERVER}/*`] }]);

  await job.bringToFront();
  await job.reload();
  const waitForSsh = step(job, 'Wait for SSH');
  await copyButtons(waitForSsh).click();
  await expect
    .poll(() => job.evaluate(() => navigator.clipboard.readText()))
    .toBe('ssh -- 057f0065-7e6d-4912-921b-50917ff046a3-0@ssh.ci.example.com');

  // The same output on CircleCI cloud: not cloud's proxy, so nothing to copy.
  const cloud = await context.newPage();
  await cloud.goto(jobUrl(115));
  await expect(step(cloud, 'Wait for SSH').getByText('was not recognised')).toBeVisible();
  await expect(copyButtons(cloud)).toHaveCount(0);

  await options.bringToFront();
  await options.getByRole('button', { name: `Remove ${SERVER}` }).click();
  await expect.poll(() => registeredScripts(background)).toEqual([]);
  await job.reload();
  await expect(step(job, 'Wait for SSH')).toBeVisible();
  await expect(job.locator('circleci-ssh-copy')).toHaveCount(0);
});

test('nothing is asked for before a server is added', () => {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  expect(manifest).not.toHaveProperty('host_permissions');
  expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
});
