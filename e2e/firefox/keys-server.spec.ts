import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { jobUrl } from '../site/jobs.js';
import type { ExtensionApi } from './extension-copy';
import { Firefox } from './firefox';
import { countText, openPage, pause, step } from './job-page';
import { CONTAINER_0, inWaitForSsh, skipWithoutFirefox } from './keys-setup';
import { clickButton, copy, count, fill, find, OUR_BUTTONS, readClipboard } from './queries';

const missing = skipWithoutFirefox();

// ---- A CircleCI server: its own browser, with a test copy that grants the server's host ----------

test.describe('a CircleCI server', () => {
  const SERVER = 'app.ci.example.com';
  const serverJobUrl = jobUrl(115).replace('app.circleci.com', SERVER);
  const COMMAND = 'ssh -- 057f0065-7e6d-4912-921b-50917ff046a3-0@ssh.ci.example.com';
  /** Long enough for the content script to have drawn, had it run: it draws ~150 ms after the page is ready. */
  const NOTHING_MS = 1000;
  let firefox: Firefox;

  test.beforeAll(async () => {
    if (missing) throw new Error(`${missing} CI is set, so the Firefox tests fail instead of being skipped.`);
    firefox = await Firefox.launch({ serverHosts: [SERVER] });
  });

  test.afterAll(async () => {
    await firefox?.close();
  });

  /** Evaluated in an extension page: what the extension holds for the server's host. */
  const serverState = (options: Page) =>
    options.evaluate(async (origin) => {
      const { permissions, scripting } = (globalThis as unknown as ExtensionApi).browser;
      return {
        granted: await permissions.contains({ origins: [origin] }),
        scripts: (await scripting.getRegisteredContentScripts()).map(({ id, matches }) => ({ id, matches })),
      };
    }, `https://${SERVER}/*`);

  test('added in the options page, the server gets copy buttons for its own proxy, until removed', async () => {
    const job = await firefox.reset();
    await openPage(job, serverJobUrl);
    await step(job, 'Wait for SSH');
    await pause(NOTHING_MS);
    expect(await count(job, 'circleci-ssh-copy')).toBe(0); // not our page yet

    const options = await firefox.newPage();
    await firefox.openOptions(options);
    // The test copy's manifest granted the host at install: that is what lets the request below
    // resolve without a prompt. Nothing is registered until the server is added.
    expect(await serverState(options)).toEqual({ granted: true, scripts: [] });
    const form = await find(options, 'Add a server', 'form');
    await fill(form, 'App host', SERVER);
    await fill(form, 'SSH proxy host (optional)', 'ssh.ci.example.com');
    await clickButton(form, 'Add server');
    await find(options, `Remove ${SERVER}`, 'button');
    const registered = [{ id: `server:https://${SERVER}/*`, matches: [`https://${SERVER}/*`] }];
    await expect.poll(async () => (await serverState(options)).scripts, { timeout: 3000 }).toEqual(registered);

    await job.bringToFront();
    await openPage(job, serverJobUrl); // a reload: the content script is registered for new loads
    await copy(job, CONTAINER_0, await step(job, 'Wait for SSH'));
    await expect.poll(() => readClipboard(job)).toBe(COMMAND);

    // The same output on CircleCI cloud: not cloud's proxy, so nothing to copy.
    const cloud = await firefox.newPage();
    await openPage(cloud, jobUrl(115));
    const line = 'This line looks like an ssh command but was not recognised, so there is nothing to copy.';
    await expect.poll(() => inWaitForSsh(cloud, line)).toBe(1);
    expect(await count(cloud, OUR_BUTTONS)).toBe(0);
    await cloud.close();

    await options.bringToFront();
    await clickButton(options, `Remove ${SERVER}`);
    await expect.poll(() => countText(options, 'No servers added.')).toBe(1);
    // The access is given back too: Firefox lets an MV3 extension remove even a host its manifest
    // lists in host_permissions (there the user may revoke those), so the test copy's grant is gone.
    await expect.poll(() => serverState(options)).toEqual({ granted: false, scripts: [] });
    await job.bringToFront();
    await openPage(job, serverJobUrl);
    await step(job, 'Wait for SSH');
    await pause(NOTHING_MS);
    expect(await count(job, 'circleci-ssh-copy')).toBe(0);
  });
});
