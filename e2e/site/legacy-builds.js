// CircleCI 1.0 builds (circleci.com/gh/…), as the legacy page lists their actions. Pure data and pure functions, like every module of the fake jobs (jobs.js).

import { both, direct } from './job-steps.js';
import { REPO } from './project.js';
export const LEGACY_NODES = [
  { port: 64594, host: '18.221.109.33', md5: '4e:51:15:51:02:b7:c5:59:b2:da:2a:c7:c1:15:d4:35' },
  { port: 64784, host: '54.224.97.243', md5: 'a1:07:3c:9e:55:d2:80:4b:16:ef:c8:29:7d:03:b6:e4' },
  { port: 64699, host: '54.237.82.218', md5: '0c:ee:41:b8:7f:20:93:5a:d6:1c:64:af:38:e7:05:92' },
];

/**
 * @param {number} step
 * @param {string | null} type
 * @param {string} name
 * @param {string} duration
 * @param {string[]} messages
 * @param {Partial<import('./types').LegacyAction>} [extra]
 * @returns {import('./types').LegacyAction}
 */
export function legacyAction(step, type, name, duration, messages, extra = {}) {
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

/** @satisfies {Record<number, import('./types').LegacyScenario>} */
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
