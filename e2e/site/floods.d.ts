// Types for floods.js.

export type Flood = 'chunks' | 'ssh-like' | 'backtracking';

export const FLOODS: Readonly<Record<Flood, { batches: number; lines: (batch: number) => string[] }>>;

/** Runs in the page: streams `kind` into the step named `step`, one batch a task, then `quietMs` of quiet. */
export function streamFlood(flood: { kind: Flood; step: string; quietMs?: number }): Promise<void>;
