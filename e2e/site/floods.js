// Hostile floods a config step can print (issue #15), in batches, one batch per task as a running step
// streams. Pure data: the page imports it as /__fixture__/floods.js, and e2e/hostile-pages.spec.ts and
// bench/flood.mjs name the floods from Node.

/**
 * Each flood: how many batches, and the lines of batch `i` (made in the page, not sent to it).
 * @type {Readonly<Record<import('./types').Flood, { batches: number; lines: (batch: number) => string[] }>>}
 */
export const FLOODS = {
  // 50 short lines, one a batch, in another step than the SSH ones.
  chunks: { batches: 50, lines: (i) => [`chunk ${i}`] },
  // 50,000 lines that look like ssh commands, half of them valid, half not, in 50 batches.
  'ssh-like': {
    batches: 50,
    lines: (i) =>
      Array.from({ length: 1000 }, (_, j) =>
        j % 2 ? `$ ssh -p ${1024 + j} 6.6.${i}.${j % 250}` : `$ ssh -p 0${j} ${'x'.repeat(j % 40)}@6.6.6.6 -oX`,
      ),
  },
  // 1 MB of lines shaped to make a backtracking pattern slow (10,200 characters each), in 10 batches.
  backtracking: { batches: 10, lines: () => Array.from({ length: 10 }, () => `$ ssh ${'-p 1 \t'.repeat(1700)}!`) },
};

/**
 * Runs in the page: streams `kind` into the step named `step`, each batch in its own task, then waits
 * `quietMs` for whatever a script left for later.
 * @param {{ kind: keyof typeof FLOODS, step: string, quietMs?: number }} flood
 */
export async function streamFlood({ kind, step, quietMs = 0 }) {
  const { batches, lines } = FLOODS[kind];
  for (let i = 0; i < batches; i++) {
    /** @type {any} */ (window).__fixture.append(step, lines(i));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await new Promise((resolve) => setTimeout(resolve, quietMs));
}
