// The shapes of the fake site's data, for its JavaScript (JSDoc `@type`, checked by tsconfig.js.json
// against the data itself) and for the specs. Types only: the pages never load this file.

// ---- Jobs (jobs.js) and legacy builds (legacy-builds.js)

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

// ---- The hostile corpus (hostile.js)

/** A more step in the config's place (new UI). */
export interface HostileStep {
  name: string;
  /** The shell line a config run step prints first; absent: bash's; null: a step without one. */
  shell?: string | null;
  /** For a run step, the command first, then its output. */
  lines: string[];
  /** Default true. */
  expanded?: boolean;
}

/** A more action after checkout (legacy UI). */
export interface HostileAction {
  /** Rendered as `class="type-<type>"`; null: no type class. */
  type: string | null;
  name: string;
  /** The header's `title`. */
  bashCommand?: string;
  lines: string[];
}

export type HostileUi = 'app' | 'legacy';

export interface HostileCase {
  id: string;
  class: string;
  ui: HostileUi;
  /** Job number (app) or build number (legacy) the case is served at: 300 and up. */
  number: number;
  /** An SSH rerun (CircleCI's own SSH steps present); default true. */
  rerun?: boolean;
  /** The real steps' own ssh lines; default the one real line. */
  real?: string[];
  /** Hostile lines printed after `real` in both real SSH steps. */
  lines?: string[];
  steps?: HostileStep[];
  actions?: HostileAction[];
  /** null: no copy button in the job's log; else the exact clipboard of every copy button there. */
  expected: string | null;
  /** With `expected` a string: at least this many copy buttons (default 2). */
  minButtons?: number;
}

// ---- Markup variants (markup.js) and floods (floods.js)

export type Markup = 'classic' | 'rows' | 'columns' | 'chunks' | 'hashed' | 'renamed' | 'canvas';
export type JourneyMarkup = Exclude<Markup, 'renamed' | 'canvas'>;

export type Flood = 'chunks' | 'ssh-like' | 'backtracking';
