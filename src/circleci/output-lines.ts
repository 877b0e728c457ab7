// Turns a step's output element back into lines of text, whatever the log viewer's markup: one
// element per line, a line split over coloured spans, several lines in one chunk separated by "\n",
// or a line-number gutter. Each line remembers the node it ends in, so our UI can sit right after it
// without touching CircleCI's own nodes.

import { NOT_LOG_TEXT, OUTPUT_LINE_LIST } from './selectors';
import { splitOutputLines } from './ssh-output';

export interface OutputLine {
  readonly text: string;
  /** A child of the line list: the node this line ends in. */
  readonly anchor: ChildNode;
}

/** Enough for any real Enable SSH output; bounds the work on a hostile multi-megabyte step. */
const MAX_TEXT = 256 * 1024;
const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'TR', 'PRE', 'SECTION', 'ARTICLE']);

/**
 * `maxText` bounds the characters read: a step's first line needs only a little. With `stopAfter`,
 * reading ends after the first line it accepts.
 */
export function readOutputLines(
  output: Element,
  maxText = MAX_TEXT,
  stopAfter?: (text: string) => boolean,
): OutputLine[] {
  const list = output.querySelector(OUTPUT_LINE_LIST) ?? output;
  const lines: OutputLine[] = [];
  let text = '';
  let anchor: ChildNode | undefined;
  let budget = maxText;
  let done = false;

  const endLine = () => {
    if (anchor && text !== '' && !done) {
      lines.push({ text, anchor });
      done = stopAfter?.(text) ?? false;
    }
    text = '';
  };
  const visit = (node: Node, top: ChildNode) => {
    if (budget <= 0 || done) return;
    if (node.nodeType === Node.TEXT_NODE) {
      const pieces = splitOutputLines((node.nodeValue ?? '').slice(0, budget));
      budget -= node.nodeValue?.length ?? 0;
      pieces.forEach((piece, index) => {
        if (index > 0) endLine();
        text += piece;
        anchor = top;
      });
      return;
    }
    if (!(node instanceof Element) || node.matches(NOT_LOG_TEXT)) return;
    if (node.tagName === 'BR') return endLine();
    const block = BLOCK_TAGS.has(node.tagName);
    if (block) endLine();
    for (const child of node.childNodes) visit(child, top);
    if (block) endLine();
  };

  for (const child of list.childNodes) {
    if (budget <= 0 || done) break;
    visit(child, child);
  }
  endLine();
  return lines;
}
