// Served to the page as /__fixture__/jobs.js in the bench only: the e2e scenarios (e2e/site/jobs.js,
// served as /__fixture__/e2e-jobs.js) plus the benchmark's job. The e2e site and its tests stay as
// they are, and e2e/site/app.js renders the bench job like any other.

// @ts-expect-error the page's name for bench/site/scenario.js, which the bench's site serves
import { BENCH_JOB, benchJob } from './bench-scenario.js';
// @ts-expect-error the page's name for e2e/site/jobs.js, served the same way
import { jobs as e2eJobs } from './e2e-jobs.js';

// @ts-expect-error the same
export * from './e2e-jobs.js';
export const jobs = { ...e2eJobs, [BENCH_JOB]: benchJob() };
