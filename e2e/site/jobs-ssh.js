// The SSH reruns (and the jobs around them) the tests open by number: one container, parallel runs,
// Windows shells, proxies, machine runners, a server install, no key. Pure data and pure functions, like every module of the fake jobs (jobs.js).

import { both, checkout, direct, envVars, job, npmSteps, run, spinUp, sshRerun, step } from './job-steps.js';
import {
  AUTHORIZED_KEYS,
  enableSsh2026,
  fingerprint,
  USE_SAME_KEY_2018,
  USE_SAME_KEY_2026,
  waitForSshText,
} from './job-text.js';

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

/** @satisfies {Record<number, import('./types').Scenario>} */
export const sshJobs = {
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
