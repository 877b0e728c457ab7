// Scenario data for the fake CircleCI job pages. Pure data and pure functions: the page imports it
// as /__fixture__/jobs.js and the Playwright specs import it from Node, so nothing here may touch
// window or document. Output texts follow the samples named in docs/circleci-page.md#step-output-text.
// The parts: job-text.js (what the steps print), job-steps.js (steps and jobs), jobs-ssh.js and
// jobs-tricky.js (the scenarios by number), legacy-builds.js, hostile-jobs.js.

import { checkout, envVars, job, npmSteps, spinUp } from './job-steps.js';
import { sshJobs } from './jobs-ssh.js';
import { trickyJobs } from './jobs-tricky.js';
import { ORG, REPO } from './project.js';

export { hostileBuilds, hostileJobs } from './hostile-jobs.js';
export { legacyBuilds } from './legacy-builds.js';
/** The project every fake job belongs to: github/acme/api. */
export { ORG, REPO };

/**
 * Every scenario by job number; any other number has none (ordinaryJob stands in).
 * @type {typeof sshJobs & typeof trickyJobs & Record<number, import('./types').Scenario | undefined>}
 */
export const jobs = { ...sshJobs, ...trickyJobs };

/** A job without SSH: what the page shows for a job number that has no scenario. */
/**
 * @param {number} jobNumber
 * @returns {import('./types').Scenario}
 */
export function ordinaryJob(jobNumber) {
  const steps = [spinUp('cimg/node:22.11'), envVars(jobNumber, 'build', 0, 1), checkout(), ...npmSteps()];
  return job(jobNumber, 'ordinary job', 'spans', [{ steps }], []);
}

// ---- URLs and colouring ------------------------------------------------------------------------

/** "Rerun job with SSH" on the job (key) leads to the job (value): a later job of the same project. */
export const SSH_RERUNS = { 101: 105, 106: 116 };

export function jobUrl(jobNumber, container) {
  const { pipeline, workflow } = jobs[jobNumber] ?? ordinaryJob(jobNumber);
  const url = `https://app.circleci.com/pipelines/github/${ORG}/${REPO}/${pipeline}/workflows/${workflow}/jobs/${jobNumber}`;
  return container === undefined ? url : `${url}/parallel-runs/${container}`;
}

/** The SSH rerun with parallelism 8 that most panel tests open (job 116), on one parallel run. */
export function parallel8Url(container) {
  return jobUrl(116, container);
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
