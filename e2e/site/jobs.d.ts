// Types for jobs.js, so TypeScript specs can `import { jobs } from '../e2e/site/jobs.js'`.

/** How the new UI renders a line inside `[data-cy=step-output] pre`. */
export type LineStyle = 'spans' | 'gutter';

export interface StreamBatch {
  /** Milliseconds after the job page is first opened in this page load. */
  afterMs: number;
  lines: string[];
}

export interface Step {
  /** v1.1-style step id, used in `/steps/<container>-<id>` URLs. */
  id: number;
  name: string;
  /** Shown next to the name, e.g. "12s" or "2m 16s". */
  duration: string;
  /** Initial state; the page keeps the user's toggles afterwards. */
  expanded: boolean;
  /** Output lines at load, without "\n". */
  lines: string[];
  /** Lines appended later, in order. */
  stream?: StreamBatch[];
  /** The whole step block appears only this long after load. */
  appearAfterMs?: number;
  /** A config `run` step's command (the API's `bash_command`); CircleCI's own steps have none. */
  command?: string;
}

export interface Container {
  steps: Step[];
}

/** One parsed `$ ssh …` command, in print order. Absent keys are absent from the command. */
export interface ExpectedCommand {
  host: string;
  port?: number;
  user?: string;
  tty?: true;
  shell?: string;
}

/** The commands a built-in step of one container prints (after all streaming). */
export interface Expected {
  container: number;
  step: 'Enable SSH' | 'Wait for SSH';
  commands: ExpectedCommand[];
}

export interface Scenario {
  /** Short description, shown on the pipelines page. */
  title: string;
  /** Job name, as in the `<h1>` "build (101)". */
  name: string;
  pipeline: number;
  workflow: string;
  lineStyle: LineStyle;
  /** One entry per parallel run; index = container. */
  containers: Container[];
  /** Empty when no button must appear. */
  expected: Expected[];
  /** Rerun with SSH, though CircleCI added no SSH steps (no key): the fake API says `why: ssh`. */
  sshRerun?: boolean;
}

export interface LegacyAction {
  /** Step id, rendered as `id="action-<step>"`. */
  step: number;
  /** Rendered as `class="type-<type>"`, e.g. "infrastructure"; null renders no type class. */
  type: string | null;
  name: string;
  duration: string;
  status: 'success' | 'running';
  /** Initial state of the `.action_header.open` toggle. */
  open: boolean;
  /** The `title` of `.command-text`; empty for built-in actions. */
  bashCommand: string;
  /** One `span.pre` per message; a message may hold several "\n"-separated lines. */
  messages: string[];
}

export interface LegacyScenario {
  title: string;
  containers: { actions: LegacyAction[] }[];
  expected: Expected[];
}

export interface Segment {
  text: string;
  /** A CSS colour; coloured pieces become their own `<span style="color:…">`. */
  color?: string;
}

/** The project every fake job belongs to: `github/acme/api`. */
export const ORG: string;
export const REPO: string;

/** The scenario job numbers: `jobs[101]` is a Scenario, `jobs[n]` for any other number may be undefined. */
export type JobNumber = 101 | 102 | 103 | 104 | 105 | 106 | 107 | 108 | 109 | 110 | 111 | 112 | 113 | 114 | 115 | 116;
export const jobs: Record<JobNumber, Scenario> & Record<number, Scenario | undefined>;
export const legacyBuilds: Record<55, LegacyScenario> & Record<number, LegacyScenario | undefined>;

/** The scenario-less fallback: a job with ordinary steps and no SSH. */
export function ordinaryJob(jobNumber: number): Scenario;

/** "Rerun job with SSH" on the job (key) leads to the job (value). */
export const SSH_RERUNS: Readonly<Record<number, number>>;
/** `https://app.circleci.com/pipelines/github/acme/api/<pipeline>/workflows/<wf>/jobs/<n>[/parallel-runs/<i>]` */
export function jobUrl(jobNumber: number, container?: number): string;
/** The SSH rerun with parallelism 8 that most panel tests open (job 116), on one parallel run. */
export function parallel8Url(container?: number): string;

/** `https://circleci.com/gh/acme/api/<n>[#build-timing/containers/<i>]` */
export function legacyUrl(buildNumber: number, container?: number): string;

/** How a line is split into coloured pieces, as the ANSI-to-HTML step would. */
export function segments(line: string): Segment[];

/** The hostile corpus's new-UI cases (e2e/site/hostile.js) as jobs, by job number (300…). */
export const hostileJobs: Record<number, Scenario | undefined>;
/** The hostile corpus's legacy cases as builds, by build number (300…). */
export const hostileBuilds: Record<number, LegacyScenario | undefined>;
