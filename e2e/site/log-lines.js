// Log lines, one renderer per markup variant. Each takes the empty output element and returns
// `append(lines, firstLineNumber)`, which adds only new nodes, as a streaming log viewer does. Every
// line's element has `data-fixture="line"`.

import { el } from './dom.js';
import { segments } from './jobs.js';
import { cls, emotion } from './markup-variant.js';

/** The line's coloured pieces: a `span` with a colour, or plain text. */
function pieces(text) {
  return segments(text).map((s) => (s.color ? el('span', { style: `color:${s.color}` }, s.text) : s.text));
}

// classic, hashed, renamed: one `pre`, each line a span (`spans`) or a gutter row (`gutter`).
/**
 * @param {HTMLElement} output
 * @param {unknown} _step
 * @param {import('./types').LineStyle} lineStyle the job's: spans, or a gutter of line numbers
 */
export function preLog(output, _step, lineStyle) {
  const pre = el('pre', emotion('log'));
  output.append(pre);
  return (lines, first) => pre.append(...lines.map((line, i) => preLine(line, first + i, lineStyle)));
}

// canvas: the lines are drawn, not written; the DOM holds a canvas and no text (a terminal widget).
export function canvasLog(output) {
  const canvas = el('canvas', { width: '960', height: '0', 'aria-hidden': 'true' });
  output.append(canvas);
  const drawn = [];
  return (lines) => {
    drawn.push(...lines);
    const lineHeight = 18;
    canvas.height = drawn.length * lineHeight + 8;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.font = '13px monospace';
    context.fillStyle = '#e4e4e4';
    for (const [i, line] of drawn.entries()) {
      const text = segments(line)
        .map((segment) => segment.text)
        .join('');
      context.fillText(text, 12, (i + 1) * lineHeight);
    }
  };
}

function preLine(text, number, lineStyle) {
  if (lineStyle === 'gutter') {
    return el(
      'div',
      { class: cls('log-line'), 'data-fixture': 'line' },
      el('span', { class: cls('line-number'), 'aria-hidden': 'true' }, String(number)),
      el('span', { class: cls('line-text') }, ...pieces(text)),
    );
  }
  return el('span', { 'data-fixture': 'line', ...emotion('line') }, ...pieces(text), '\n');
}

// rows: no enclosing `pre`; each line a row with its number as a line anchor, then its own `pre`.
export function rowsLog(output, step) {
  return (lines, first) =>
    output.append(
      ...lines.map((line, i) =>
        el(
          'div',
          { class: 'log-row', 'data-fixture': 'line' },
          el('a', { class: 'log-row-number', href: `#step-${step.id}-${first + i}` }, String(first + i)),
          el('pre', {}, ...pieces(line)),
        ),
      ),
    );
}

// columns: a gutter column of numbers beside a text column of one `pre` per line.
export function columnsLog(output) {
  const gutter = el('div', { class: 'log-gutter' });
  const text = el('div', { class: 'log-text' });
  output.classList.add('log-columns');
  output.append(gutter, text);
  return (lines, first) => {
    gutter.append(...lines.map((_, i) => el('div', {}, String(first + i))));
    text.append(...lines.map((line) => el('pre', { class: 'log-text-line', 'data-fixture': 'line' }, ...pieces(line))));
  };
}

// chunks: 50 lines a chunk, each chunk one `pre` of line `div`s, each line's text cut over several
// `span`s at arbitrary places (as ANSI colour codes and the writes of a stream cut it).
const CHUNK_LINES = 50;

export function chunksLog(output) {
  let pre = null;
  let inChunk = 0;
  return (lines, first) => {
    for (const [i, line] of lines.entries()) {
      if (pre === null || inChunk === CHUNK_LINES) {
        pre = el('pre', {});
        const style = 'content-visibility:auto;contain-intrinsic-size:auto 750px';
        output.append(el('div', { class: 'log-chunk', style }, pre));
        inChunk = 0;
      }
      pre.append(chunkLine(line, first + i));
      inChunk++;
    }
  };
}

function chunkLine(text, number) {
  const line = el('div', { class: 'log-chunk-line', 'data-fixture': 'line' });
  // Cut where the colour changes and at pseudo-random places in between (stable per line).
  let seed = (number * 2654435761 + text.length) >>> 0;
  for (const { text: segment, color } of segments(text)) {
    for (let at = 0; at < segment.length; ) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const length = 2 + (seed >>> 29); // 2–9 characters
      line.append(el('span', color ? { style: `color:${color}` } : {}, segment.slice(at, at + length)));
      at += length;
    }
  }
  return line;
}
