import AxeBuilder from '@axe-core/playwright';
import type { Worker } from '@playwright/test';
import { resetBetweenTests, test } from './alerts-setup';
import { expect } from './fixtures';

resetBetweenTests();

test.describe('settings', () => {
  const stored = (background: Worker) =>
    background.evaluate(async () => (await chrome.storage.sync.get('prefs')).prefs as { alerts?: object } | undefined);

  test('the options page turns each alert on and off, and has no accessibility violations', async ({
    page,
    background,
    popupUrl,
  }) => {
    await page.goto(popupUrl.replace('popup', 'options'));
    const section = page.getByRole('region', { name: 'While an SSH rerun runs' });
    await section.getByRole('checkbox', { name: 'Notify me when SSH is ready' }).check();
    await expect.poll(async () => (await stored(background))?.alerts).toEqual({ notifications: true });
    await section.getByRole('checkbox', { name: /^Warn me 2 minutes before/ }).uncheck();
    await section.getByRole('checkbox', { name: /^Remind me after 1 h 50 min/ }).uncheck();
    await section.getByRole('checkbox', { name: /^Show the minutes left to connect/ }).uncheck();
    await expect
      .poll(async () => (await stored(background))?.alerts)
      .toEqual({ notifications: true, warnConnect: false, warnSlot: false, badge: false });
    // From the keyboard, with a visible focus.
    const notify = section.getByRole('checkbox', { name: 'Notify me when SSH is ready' });
    await notify.focus();
    await page.keyboard.press('Space');
    await expect(notify).not.toBeChecked();
    // Off is the default, which is not stored.
    await expect
      .poll(async () => (await stored(background))?.alerts)
      .toEqual({ warnConnect: false, warnSlot: false, badge: false });
    const results = await new AxeBuilder({ page }).include('section[aria-labelledby="alerts-heading"]').analyze();
    expect(results.violations).toEqual([]);
  });

  test('the popup’s quick switch turns notifications on, and has no accessibility violations', async ({
    page,
    background,
    popupUrl,
  }) => {
    await page.goto(popupUrl);
    const notify = page.getByRole('checkbox', { name: 'Notify me when SSH is ready' });
    await notify.check();
    await expect.poll(async () => (await stored(background))?.alerts).toEqual({ notifications: true });
    await expect(page.getByRole('status').getByText('Saved')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });
});
