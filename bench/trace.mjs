// What a Chromium trace of a tab tells the bench: the page's main thread, its tasks, and the time spent
// in calls into an extension's scripts. The flood budget (flood.mjs), the stream's overhead
// (measure.mjs) and the e2e tests' flood limits (e2e/hostile-pages.spec.ts) are all taken from it.

export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
];
/** A user-timing mark the page sets as the traced work begins: the trace's way to name the page's main thread. */
export const MAIN_THREAD_MARK = 'circleci-ssh-copy-main-thread';

/** Starts tracing the tab of `cdp`; the function it gives stops, and gives the events. */
export async function startTrace(cdp) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/**
 * Streams a flood of e2e/site/floods.js (\`streamFlood\`'s options) into the job page in \`page\`, already
 * loaded, while tracing through \`cdp\`, and returns the figures of \`tasks\` for the page's main thread.
 */
export async function tracedFlood({ page, cdp }, flood, extensionOrigin) {
  const stop = await startTrace(cdp);
  await page.evaluate(
    async ({ mark, streamed }) => {
      const floods = '/__fixture__/floods.js'; // the page's copy of e2e/site/floods.js
      const { streamFlood } = await import(floods);
      performance.mark(mark);
      await streamFlood(streamed);
    },
    { mark: MAIN_THREAD_MARK, streamed: flood },
  );
  return tasks(await stop(), extensionOrigin);
}

/**
 * The main thread's CPU time in an event (\`tdur\`), as the other figures of the bench count it: time the
 * thread waited while another process had the core is nobody's work. Its wall time where that is missing.
 */
const cpuMs = (event) => (event.tdur ?? event.dur) / 1000;

/**
 * From trace events: the page's main thread (where the page set MAIN_THREAD_MARK), its longest task,
 * and per task the time spent in calls into the scripts at `extensionOrigin` (outermost calls only).
 */
export function tasks(events, extensionOrigin) {
  const mark = events.find((event) => event.name === MAIN_THREAD_MARK);
  if (!mark) throw new Error('the trace has no mark from the page: which thread is its main thread is unknown');
  const onMainThread = (event) => event.pid === mark.pid && event.tid === mark.tid;
  const complete = events.filter((event) => event.ph === 'X');
  const calls = complete.filter((event) => event.name === 'FunctionCall');
  const runTasks = complete.filter((event) => event.name === 'RunTask' && onMainThread(event));
  const ours = calls
    .filter((event) => onMainThread(event) && event.args?.data?.url?.startsWith(extensionOrigin))
    .sort((a, b) => a.ts - b.ts);
  const within = (outer, inner) => inner.ts >= outer.ts && inner.ts + inner.dur <= outer.ts + outer.dur;
  const outermost = ours.filter((call, i) => !ours.slice(0, i).some((earlier) => within(earlier, call)));
  const perTask = new Map();
  for (const call of outermost) {
    const task = runTasks.find((candidate) => within(candidate, call));
    perTask.set(task, (perTask.get(task) ?? 0) + cpuMs(call));
  }
  const extensionMs = [...perTask.values()];
  // Frames nobody asked for: tasks that laid the page out without running an animation frame. The
  // bench's page renders each batch in a frame it requests, so these are frames made for someone else
  // (a script's own timer writing to the DOM, a browser task reading the layout), at their traced cost.
  const sorted = (name) =>
    complete
      .filter((event) => event.name === name && onMainThread(event))
      .map((event) => event.ts)
      .sort((a, b) => a - b);
  const layouts = sorted('Layout');
  const frames = sorted('FireAnimationFrame');
  const unasked = runTasks.filter((task) => hasWithin(layouts, task) && !hasWithin(frames, task));
  return {
    unaskedFrames: unasked.length,
    unaskedFramesMs: unasked.reduce((sum, task) => sum + cpuMs(task) - (perTask.get(task) ?? 0), 0),
    tasks: runTasks.length,
    longestTaskMs: Math.max(0, ...runTasks.map(cpuMs)),
    tasksWithOurs: extensionMs.length,
    oursMaxMs: Math.max(0, ...extensionMs),
    oursTotalMs: extensionMs.reduce((sum, ms) => sum + ms, 0),
  };
}

/** Whether any of the sorted timestamps falls within `task`. */
function hasWithin(timestamps, task) {
  let low = 0;
  let high = timestamps.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (timestamps[middle] < task.ts) low = middle + 1;
    else high = middle;
  }
  return low < timestamps.length && timestamps[low] <= task.ts + task.dur;
}
