// `npm run check-page` on job pages saved from every markup of the fake site, as a user saves a real
// one (the DOM as the browser holds it, with the extension's own empty hosts in it): the script loads
// each into the built extension at its URL and must report what the extension reads there, or, for
// the markup whose hooks were renamed, that it could not read it, with a report that holds no text.

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { copyButtons, expand, openJob } from './job-page';
import { jobUrl } from './site/jobs.js';
import { MARKUPS } from './site/markup.js';

const run = promisify(execFile);
const COMMAND = 'ssh -p 42915 -- 18.207.148.116';

/** Runs the script on `html` saved from `url`; its JSON report and exit code. */
async function checkPage(html: string, url: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'check-page-')), 'job.html');
  writeFileSync(file, `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n${html}`);
  const result = await run('node', ['scripts/check-page.mjs', file, '--json']).then(
    (done) => ({ ...done, code: 0 }),
    (failed: { stdout: string; stderr: string; code: number }) => failed,
  );
  return { code: result.code, report: JSON.parse(result.stdout || 'null'), stderr: result.stderr };
}

for (const markup of MARKUPS) {
  test.describe(`a page saved from the ${markup} markup`, () => {
    test.use({ markup });

    test(
      markup === 'renamed'
        ? 'is reported unreadable, with its structure and no text'
        : 'is read, and its commands copy',
      async ({ page }) => {
        test.slow(); // the script starts a browser of its own
        await openJob(page, jobUrl(101));
        if (markup !== 'renamed') {
          await expand(page, 'Enable SSH');
          await expect(copyButtons(page)).toHaveCount(2);
        }
        const html = await page.evaluate(() => document.documentElement.outerHTML);
        const { code, report, stderr } = await checkPage(html, page.url());
        // One line names the browser it used (scripts/browsers); nothing else goes wrong.
        expect(stderr).toMatch(/^(Chromium: [^\n]+\n)?$/);

        if (markup === 'renamed') {
          expect(code).toBe(2);
          expect(report.badge).toBe('!');
          expect(report.status).toEqual({ readable: false, steps: 0, sshSteps: [] });
          expect(report.copied).toEqual([]);
          expect(report.structure.hooks).toMatchObject({ 'step header': 0, 'step output': 0, 'job title': 1 });
          expect(report.structure.tree.join('\n')).toContain('button data-testid="step-toggle"');
          expect(JSON.stringify(report.structure)).not.toMatch(/18\.207|42915|Enable SSH|acme/);
          return;
        }
        expect(code).toBe(0);
        expect(report.status.readable).toBe(true);
        expect(report.status.sshSteps).toEqual([
          { step: 'Enable SSH', container: 0, verdict: 'trusted', collapsed: false, commands: 1, unrecognised: 0 },
          { step: 'Wait for SSH', container: 0, verdict: 'trusted', collapsed: false, commands: 1, unrecognised: 0 },
        ]);
        expect(report.copied).toEqual([
          { button: 'Copy SSH command for container 0', clipboard: COMMAND },
          { button: 'Copy SSH command for container 0', clipboard: COMMAND },
        ]);
        expect(report.panel).toContain('1 of 1 containers known');
        expect(report.structure).toBeUndefined();
      },
    );
  });
}
