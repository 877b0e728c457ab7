// The other commands for a container, each copied through the UI and read back from the clipboard.

import { expect, test, withDefaultKey } from './fixtures';
import { step } from './job-page';
import { jobUrl } from './site/jobs.js';

const KEY = '-i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes';

async function openRecipes(page: import('@playwright/test').Page, job: number, container = 0) {
  await page.goto(jobUrl(job));
  const waitForSsh = step(page, 'Wait for SSH');
  await waitForSsh.getByText(`More commands for container ${container}`).click();
  return waitForSsh;
}

test('every recipe of a Linux job copies exactly its command', async ({ page, setPrefs, readClipboard }) => {
  await setPrefs(withDefaultKey('~/.ssh/id_ed25519'));
  const recipes = await openRecipes(page, 101);
  const copies: [string, string][] = [
    ['Copy scp download for container 0', `scp ${KEY} -r -P 42915 -- 18.207.148.116:~/project .`],
    ['Copy rsync download for container 0', `rsync -av -e 'ssh ${KEY} -p 42915' -- 18.207.148.116:~/project .`],
    [
      'Copy port forward of 5900 (VNC) for container 0',
      `ssh ${KEY} -N -L 5900:localhost:5900 -p 42915 -- 18.207.148.116`,
    ],
    [
      'Copy port forward of 5901 (VNC :1) for container 0',
      `ssh ${KEY} -N -L 5901:localhost:5901 -p 42915 -- 18.207.148.116`,
    ],
    [
      'Copy port forward of 9229 (Node.js inspector) for container 0',
      `ssh ${KEY} -N -L 9229:localhost:9229 -p 42915 -- 18.207.148.116`,
    ],
    [
      'Copy port forward of 9222 (Chrome DevTools) for container 0',
      `ssh ${KEY} -N -L 9222:localhost:9222 -p 42915 -- 18.207.148.116`,
    ],
    ['Copy clean shell command for container 0', `ssh ${KEY} -t -p 42915 -- 18.207.148.116 bash --norc --noprofile`],
    ['Copy key check against GitHub for container 0', `ssh ${KEY} -T -- git@github.com`],
    ['Copy verbose SSH command for container 0', `ssh -v ${KEY} -p 42915 -- 18.207.148.116`],
  ];
  for (const [name, command] of copies) {
    await recipes.getByRole('button', { name, exact: true }).click();
    await expect.poll(readClipboard, { message: name }).toBe(command);
  }

  await recipes.getByLabel('Another port').fill('8080');
  await recipes.getByRole('button', { name: 'Copy port forward of 8080 for container 0' }).click();
  await expect.poll(readClipboard).toBe(`ssh ${KEY} -N -L 8080:localhost:8080 -p 42915 -- 18.207.148.116`);
  await recipes.getByLabel('Another port').fill('99999');
  await expect(recipes.getByText('A port is a number from 1 to 65535.')).toBeVisible();

  await recipes.getByLabel('Remote path').fill('~/project/build');
  await recipes.getByRole('button', { name: 'Copy scp download for container 0' }).click();
  await expect.poll(readClipboard).toBe(`scp ${KEY} -r -P 42915 -- 18.207.148.116:~/project/build .`);
  await recipes.getByLabel('Remote path').fill('~/$(id)');
  await expect(recipes.getByRole('button', { name: 'Copy scp download for container 0' })).toHaveCount(0);
  await expect(recipes.getByText('Use a path of letters')).toBeVisible();
});

test('the ~/.ssh/config block, then VS Code', async ({ page, setPrefs, readClipboard }) => {
  await setPrefs(withDefaultKey('~/.ssh/id_ed25519', { options: { hostKeys: 'accept-new' } }));
  const recipes = await openRecipes(page, 101);
  await recipes.getByRole('button', { name: 'Copy ~/.ssh/config block for container 0' }).click();
  await expect
    .poll(readClipboard)
    .toBe(
      [
        'Host circleci-101-0',
        '  HostName 18.207.148.116',
        '  Port 42915',
        '  IdentityFile ~/.ssh/id_ed25519',
        '  IdentitiesOnly yes',
        '  HostKeyAlias circleci-github-acme-api-101-0',
        '  StrictHostKeyChecking accept-new',
      ].join('\n'),
    );
  await expect(recipes.getByRole('link', { name: 'Open in VS Code' })).toHaveAttribute(
    'href',
    'vscode://vscode-remote/ssh-remote+circleci-101-0/home/circleci/project',
  );
});

test('Windows jobs get the RDP tunnel and no bash recipe; the shell choice quotes every recipe', async ({
  page,
  setPrefs,
  readClipboard,
}) => {
  await setPrefs(withDefaultKey('C:\\Users\\me\\.ssh\\id_ed25519', { shell: 'powershell' }));
  const recipes = await openRecipes(page, 103);
  await expect(recipes.getByText('connect your RDP client to localhost:3390')).toBeVisible();
  await recipes.getByRole('button', { name: 'Copy RDP tunnel for container 0' }).click();
  await expect
    .poll(readClipboard)
    .toBe(
      "ssh -i 'C:\\Users\\me\\.ssh\\id_ed25519' -o IdentitiesOnly=yes -N -L 3390:localhost:3389 -p 54782 '--' 35.226.214.52",
    );
  await expect(recipes.getByRole('button', { name: 'Copy clean shell command for container 0' })).toHaveCount(0);
  // The key needs quotes, which cannot be nested inside rsync's -e.
  await expect(recipes.getByText('No rsync command')).toBeVisible();
});

test('troubleshooting: who can connect, the authorized keys, and the RSA warning', async ({ page, setPrefs }) => {
  await setPrefs(withDefaultKey('~/.ssh/id_rsa'));
  await page.goto(jobUrl(101));
  await step(page, 'Enable SSH').locator('button[data-cy="step-name"]').click();
  const recipes = step(page, 'Enable SSH');
  await recipes.getByText('More commands for container 0').click();
  await expect(recipes.getByText('Only the user who started "Rerun job with SSH" can connect')).toBeVisible();
  await expect(
    recipes.getByRole('list', { name: 'Keys CircleCI authorized for this job' }).getByRole('listitem'),
  ).toHaveText([
    'SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8',
    'SHA256:u4DcSYajGpFn4l0oIkODU1/N/dayRjQcn3dN0grW3JE',
  ]);
  await expect(recipes.getByText('This looks like an RSA key.')).toBeVisible();
});

test('the menu is a disclosure button: named, says whether it is open, works from the keyboard', async ({ page }) => {
  await page.goto(jobUrl(101));
  const waitForSsh = step(page, 'Wait for SSH');
  const more = waitForSsh.getByRole('button', { name: 'More commands for container 0' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  const scp = waitForSsh.getByRole('button', { name: 'Copy scp download for container 0' });
  await expect(scp).toHaveCount(0);
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(scp).toBeVisible();
  await page.keyboard.press('Space');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(scp).toBeHidden();
});
