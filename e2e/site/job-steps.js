// The steps and jobs the fake pages show, built from a few parts: a step, the environment set-up, a
// config `run` step, an SSH rerun's built-in steps, and the expected parse results. Pure data and pure functions, like every module of the fake jobs (jobs.js).

import { ORG, REPO, WORKFLOW } from './project.js';

// Step ids imitate v1.1 step ids (non-sequential: 0, 99, 101, …); the URL anchor is `<container>-<id>`.

/**
 * @param {number} id
 * @param {string} name
 * @param {string} duration
 * @param {string[]} lines
 * @param {Partial<import('./types').Step>} [extra]
 * @returns {import('./types').Step}
 */
export function step(id, name, duration, lines, extra = {}) {
  return { id, name, duration, expanded: false, lines, ...extra };
}

export function spinUp(image) {
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

export function envVars(jobNumber, jobName, index, total) {
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

export function checkout() {
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
export function run(id, name, duration, command, output, extra = {}, shell = '#!/bin/bash -eo pipefail') {
  return step(id, name, duration, [shell, ...command.split('\n'), ...output], { command, ...extra });
}

export function npmSteps(shard) {
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

/**
 * The built-in steps of an SSH rerun: `Enable SSH` after the environment set-up, `Wait for SSH` last.
 * @param {{ jobNumber: number; index?: number; total?: number; image: string; enable: string[]; wait: string[];
 *   configSteps: import('./types').Step[]; enableExtra?: Partial<import('./types').Step>; waitExtra?: Partial<import('./types').Step> }} rerun
 * @returns {import('./types').Container}
 */
export function sshRerun({
  jobNumber,
  index = 0,
  total = 1,
  image,
  enable,
  wait,
  configSteps,
  enableExtra,
  waitExtra,
}) {
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

/**
 * @param {number} number
 * @param {string} title
 * @param {import('./types').LineStyle} lineStyle
 * @param {import('./types').Container[]} containers
 * @param {import('./types').Expected[]} expected
 * @returns {import('./types').Scenario}
 */
export function job(number, title, lineStyle, containers, expected) {
  return { title, name: 'build', pipeline: 1200 + (number % 100), workflow: WORKFLOW, lineStyle, containers, expected };
}

// Expected parse results; `step` says which built-in step prints them.
export const direct = (port, host, more = {}) => ({ port, host, ...more });
/**
 * @param {number} container
 * @param {import('./types').ExpectedCommand[]} commands
 * @returns {import('./types').Expected[]}
 */
export function both(container, commands, waitCommands = commands) {
  return [
    { container, step: 'Enable SSH', commands },
    { container, step: 'Wait for SSH', commands: waitCommands },
  ];
}
