// The hostile corpus (hostile.js) as pages: one job or legacy build per case. Pure data and pure functions, like every module of the fake jobs (jobs.js).

import { HOSTILE, REAL_APP_LINE, REAL_LEGACY_LINE } from './hostile.js';
import { checkout, envVars, job, npmSteps, run, spinUp, sshRerun, step } from './job-steps.js';
import { STAY_UP, USE_SAME_KEY_2026 } from './job-text.js';
import { LEGACY_NODES, legacyAction } from './legacy-builds.js';
import { REPO } from './project.js';

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
  const { md5 } = /** @type {(typeof LEGACY_NODES)[number]} */ (LEGACY_NODES[0]);
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
/** @type {Record<number, import('./types').Scenario | undefined>} */
export const hostileJobs = Object.fromEntries(
  HOSTILE.filter((c) => c.ui === 'app').map((c) => [c.number, hostileJob(c)]),
);
/** The corpus's legacy cases as builds, by build number (300…). */
/** @type {Record<number, import('./types').LegacyScenario | undefined>} */
export const hostileBuilds = Object.fromEntries(
  HOSTILE.filter((c) => c.ui === 'legacy').map((c) => [c.number, hostileBuild(c)]),
);
