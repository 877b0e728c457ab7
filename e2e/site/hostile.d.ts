// Types for hostile.js, so TypeScript specs can import the corpus.

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

export const FIRST_HOSTILE_JOB: number;
export const FIRST_HOSTILE_BUILD: number;
export const REAL_APP_LINE: string;
export const REAL_APP: string;
export const REAL_LEGACY_LINE: string;
export const REAL_LEGACY: string;
export const HOSTILE: HostileCase[];
export const HOSTILE_CLASSES: string[];
