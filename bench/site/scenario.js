// The benchmark's job: an SSH rerun whose build steps stream a long log, in the fake CircleCI job page
// of e2e/site (the markup the e2e tests use). Pure data and pure functions: Node imports this file to
// plan the stream, and the page imports it as /__fixture__/bench-scenario.js (see bench/site/jobs.js).
//
// The job, in CircleCI's order: Spin up, environment variables, Enable SSH (expanded, its ssh line on
// screen from the start), Checkout, four config run steps that stream the log (expanded, as a running
// step is), and Wait for SSH, which appears only near the end of the stream (`__fixture.show`), as it
// does when the build steps have finished.

/** A job number no e2e scenario uses. */
export const BENCH_JOB = 120;

export const SSH_TARGET = { port: 42921, host: '18.207.148.124' };
const SSH_COMMAND = `ssh -p ${SSH_TARGET.port} ${SSH_TARGET.host}`;

/** The config run steps the log streams into, one after the other. */
export const BUILD_STEPS = ['Build', 'Unit tests', 'Integration tests', 'Package'];

/** Never on its own during a bench (24.8 days, the longest timer): only `__fixture.show` brings it. */
const LATER = 2 ** 31 - 1;

function step(id, name, duration, lines, extra = {}) {
  return { id, name, duration, expanded: false, lines, ...extra };
}

const runStep = (id, name, command) =>
  step(id, name, '2m 3s', ['#!/bin/bash -eo pipefail', command], { expanded: true });

const KEYS = [
  'Authorized keys:',
  '- SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8 (ED25519)',
  '',
  'SSH Session Activity Log (times in UTC):',
];

/** @returns {import('../../e2e/site/types').Scenario} */
export function benchJob() {
  const steps = [
    step(0, 'Spin up environment', '4s', [
      'Build-agent version 1.0.262480-9f2b5ca8',
      'Starting container cimg/node:22.11',
    ]),
    step(99, 'Preparing environment variables', '0s', ['Using build environment variables:', '  CI=true']),
    step(
      100,
      'Enable SSH',
      '1s',
      ['You can now SSH into this box if your SSH public key is added:', `    $ ${SSH_COMMAND}`, '', ...KEYS],
      { expanded: true },
    ),
    step(101, 'Checkout code', '2s', ['Cloning git repository - OK', 'Checking out branch - OK']),
    runStep(102, BUILD_STEPS[0], 'make build'),
    runStep(103, BUILD_STEPS[1], 'npx vitest run'),
    runStep(104, BUILD_STEPS[2], './scripts/integration.sh'),
    runStep(105, BUILD_STEPS[3], 'make package'),
    step(
      106,
      'Wait for SSH',
      '0s',
      [
        'You can now SSH into this box if your SSH public key is added:',
        `    $ ${SSH_COMMAND}`,
        '',
        'This box will stay up for 2h0m0s, or until 10m0s passes without an active SSH session.',
      ],
      { expanded: true, appearAfterMs: LATER },
    ),
  ];
  return {
    title: 'benchmark: a long streaming log',
    name: 'build',
    pipeline: 1220,
    workflow: '5b1a6c0e-6d2f-4b8a-9a4e-0f3d2c1b7e90',
    lineStyle: 'spans',
    containers: [{ steps }],
    expected: [
      { container: 0, step: 'Enable SSH', commands: [SSH_TARGET] },
      { container: 0, step: 'Wait for SSH', commands: [SSH_TARGET] },
    ],
  };
}

export const benchJobUrl = `https://app.circleci.com/pipelines/github/acme/api/1220/workflows/5b1a6c0e-6d2f-4b8a-9a4e-0f3d2c1b7e90/jobs/${BENCH_JOB}`;

// ---- The log ------------------------------------------------------------------------------------

const WORDS = ['compiling', 'bundle', 'module', 'test', 'passed', 'cache', 'layer', 'chunk', 'worker', 'fixture'];
const FILES = ['src/index.ts', 'src/server/routes.ts', 'lib/db/pool.js', 'test/api.spec.ts', 'Dockerfile'];

/**
 * Line `index` of the log: deterministic, 20 to 140 characters, like build output. Every 1,000th line
 * mentions ssh without being a command, and every 10,000th prints a `$ ssh` line (a test that runs
 * ssh): neither may get a button, since only CircleCI's own SSH steps count, but a page-wide text
 * search finds them.
 */
export function logLine(index) {
  let x = (Math.imul(index + 1, 2654435761) ^ 0x9e3779b9) >>> 0;
  const next = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x >>> 8;
  };
  if (index % 10_000 === 9_999) return `    $ ssh -p 2222 10.0.${next() % 256}.${next() % 256} true`;
  if (index % 1_000 === 999)
    return `Warning: Permanently added '[10.0.0.${next() % 256}]:2222' (ED25519) to known hosts.`;
  const words = [];
  const count = 2 + (next() % 14);
  for (let i = 0; i < count; i++) words.push(WORDS[next() % WORDS.length]);
  const file = FILES[next() % FILES.length];
  return `[${String(index).padStart(6, '0')}] ${file}:${next() % 900}: ${words.join(' ')}`;
}

/**
 * The stream: `lines` lines in batches of `batchSize`, spread evenly over BUILD_STEPS in order, each
 * batch one task of the page. Wait for SSH appears at `showAt` (a fraction of the batches) and, to
 * sample the detection latency many times, its output is re-rendered (new nodes, as React would) with
 * each later batch.
 */
export function streamPlan({ lines, batchSize, showAt = 0.9 }) {
  const batches = Math.ceil(lines / batchSize);
  const perStep = Math.ceil(batches / BUILD_STEPS.length);
  const show = Math.min(batches - 1, Math.floor(batches * showAt));
  return Array.from({ length: batches }, (_, index) => ({
    step: BUILD_STEPS[Math.floor(index / perStep)],
    from: index * batchSize,
    to: Math.min(lines, (index + 1) * batchSize),
    ssh: index === show ? 'show' : index > show ? 'replace' : null,
  }));
}
