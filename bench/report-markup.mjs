// One markup variant's section of the bench's report (report.mjs): the stream, detection and memory,
// the session route and the floods, each figure with its budget.

import { BUDGETS_ONCE } from './figures.mjs';
import { fixed, int, mib, percent, range, row } from './format.mjs';

/** The verdict of one budget, on one markup (null: measured once, for every markup). */
export function marker(checks, markup) {
  return (key, detail = '') => {
    const check = checks.find(
      (c) => c.key === key && c.markup === (BUDGETS_ONCE.includes(key) ? null : markup) && c.what.includes(detail),
    );
    return `${check.budget}: **${check.holds ? 'pass' : 'FAIL'}**`;
  };
}
const FLOOD_WHAT = {
  'ssh-like': '50,000 ssh-like lines, in 50 batches',
  backtracking: '1 MB of lines shaped for backtracking, in 10 batches',
};

/** One markup variant's section: the stream, detection and memory, each with its budgets. */
export function markupSection(markup, f, checks) {
  const { settings: set } = f;
  const { stream: s, versusPage: v, naiveRatio: n, detectionMs: d, heapGrowth: g } = f.markups[markup];
  const mark = marker(checks, markup);
  /** A stream figure's row: page alone, ours, naive. */
  const byVariant = (label, key) => row([label, range(s.page?.[key]), range(s.ours?.[key]), range(s.naive?.[key]), '']);
  /** A figure set against the page alone's: ours, naive, and what to say beside them. */
  const versusPage = (label, key, format, note) =>
    row([label, '', range(v.ours?.[key], format), range(v.naive?.[key], format), note]);
  const streamTable = [
    row(['While streaming', 'Page alone', 'With our extension', 'With the naive script', 'Budget']),
    row(['---', '---:', '---:', '---:', '---']),
    byVariant('Main-thread task time (ms)', 'taskMs'),
    byVariant('… of which layout (ms)', 'layoutMs'),
    byVariant('… of which style recalculation (ms)', 'styleMs'),
    byVariant('Main-thread script time (ms)', 'scriptMs'),
    row(['Task time, ratio to the page alone', '1', fixed(v.ours?.taskRatio, 3), fixed(v.naive?.taskRatio, 3), '']),
    row([
      'Script time, ratio to the page alone',
      '1',
      fixed(v.ours?.scriptRatio, 3),
      fixed(v.naive?.scriptRatio, 3),
      '',
    ]),
    versusPage(
      '**Overhead**: time charged to the script ÷ the page’s task time',
      'overhead',
      percent,
      mark('overhead'),
    ),
    byVariant('… the script’s own calls, traced (ms)', 'extensionMs'),
    byVariant('… frames nobody asked for: how many', 'unaskedFrames'),
    byVariant('… and their traced time (ms); charged beyond the page alone’s', 'unaskedFramesMs'),
    versusPage('Layouts beyond the page alone’s', 'extraLayouts', int, 'cross-check of the frames'),
    versusPage(
      'Task time added ÷ the page’s own',
      'taskOverhead',
      percent,
      v.pageAgain
        ? `cross-check; the page alone against itself: ${range(v.pageAgain.taskOverhead, percent)}`
        : 'cross-check',
    ),
    versusPage('Script time added ÷ the page’s task time', 'scriptOverhead', percent, 'cross-check of the overhead'),
    versusPage(
      'Task time added (ms)',
      'addedTaskMs',
      int,
      n?.task === Infinity
        ? 'ours: no more than the page alone, within noise'
        : `naive ÷ ours = ${fixed(n?.task)}× (divides by noise)`,
    ),
    versusPage(
      '**Script time added** (ms)',
      'addedScriptMs',
      int,
      `naive ÷ ours = **${fixed(n?.script)}×**; ${mark('naiveRatio')}`,
    ),
    row([
      'JS heap after the stream',
      mib(s.page?.heapAfterStream.median),
      mib(s.ours?.heapAfterStream.median),
      mib(s.naive?.heapAfterStream.median),
      '',
    ]),
    row(['Wall time of the stream (ms)', range(s.page?.wallMs), range(s.ours?.wallMs), range(s.naive?.wallMs), '']),
    row([
      'DOM nodes after the stream',
      int(s.page?.nodes.median),
      int(s.ours?.nodes.median),
      int(s.naive?.nodes.median),
      `${fixed(s.page?.nodes.median / set.lines)} per log line, page alone`,
    ]),
  ];
  const otherTable = [
    row(['Figure', 'Value', 'Budget']),
    row(['---', '---:', '---']),
    row([
      'Detection: ssh line in the DOM → its copy button rendered',
      `p50 ${fixed(d.p50, 2)} ms, p95 **${fixed(d.p95, 2)} ms** (max ${fixed(d.max, 2)} ms, ${d.n} samples)`,
      mark('detection'),
    ]),
    row([
      `JS heap growth over ${set.navigations} SPA navigations, with our extension`,
      `**${int(g.ours?.median)} B** (${int(g.ours?.min)} – ${int(g.ours?.max)})`,
      mark('heapGrowth'),
    ]),
    row(['… the same, page alone / with the naive script', `${int(g.page?.median)} B / ${int(g.naive?.median)} B`, '']),
  ];
  const r = f.markups[markup].sessionRoute;
  const sessionTable = [
    row(['With our extension', 'Value', 'Budget']),
    row(['---', '---:', '---']),
    row(['API requests as the page opens (route on)', range(r?.requestsAtOpen), '']),
    row([
      '**API requests while streaming** (route on, any run) / at all with the route off',
      `**${int(r?.requestsWhileStreaming)}** / **${int(r?.requestsWhenOff)}**`,
      mark('sessionRequests'),
    ]),
    row(['Time charged to us while streaming, route on − route off (ms)', range(r?.addedChargedMs), '']),
    row(['**… ÷ the page’s task time**', range(r?.chargedShare, percent), mark('sessionCharged')]),
    row(['Cross-check: script time, route on − route off (ms)', range(r?.addedScriptMs), '']),
  ];
  const floodTable = [
    row([
      'Flood into a config step named Enable SSH',
      'Longest task, page alone',
      'Longest task, with ours',
      'Ours in all (ms)',
      '**Ours in one task, at most**',
      'Budget',
    ]),
    row(['---', '---:', '---:', '---:', '---:', '---']),
    ...Object.entries(f.markups[markup].flood).map(([kind, flood]) =>
      row([
        FLOOD_WHAT[kind],
        `${fixed(flood.pageLongestTaskMs)} ms`,
        `${fixed(flood.oursLongestTaskMs)} ms`,
        `${range(flood.oursTotalMs, fixed)} in ${int(flood.tasksWithOurs.median)} tasks`,
        `**${fixed(flood.oursMaxMs)} ms**`,
        mark('flood', kind),
      ]),
    ),
  ];
  return `## Markup \`${markup}\`

### While a long log streams

${streamTable.join('\n')}

### Detection, memory

${otherTable.join('\n')}

### The session route while the log streams

${sessionTable.join('\n')}

### Hostile floods

${floodTable.join('\n')}
`;
}
