// Turns a step's output element back into lines of text, whatever the log viewer's markup
// (docs/circleci-page.md#d5-output-lines): one `pre` with a span per line, a row per line holding its own
// `pre` beside a line-number link, a gutter column beside a text column, lines in batch wrappers, a
// line split over coloured spans, or several lines in one chunk separated by "\n". Boxes (elements
// whose computed display is a block, a flex or grid container, a table row…) and line breaks end a line; decoration (aria-hidden nodes,
// controls, line numbers) is not text. Reading walks the nodes in order and stops early, so the first
// line of a huge step costs a handful of nodes. Each line remembers the highest node that holds its end
// and no other line's text: our UI sits right after it, and CircleCI's own nodes are never touched.

import { NOT_LOG_TEXT } from './selectors';
import { splitOutputLines } from './ssh-output';

export interface OutputLine {
  readonly text: string;
  /** The highest node that holds the line's end and no other line's text: our UI goes right after it. */
  readonly anchor: ChildNode;
}

/** Enough for any real Enable SSH output; bounds the work on a hostile multi-megabyte step. */
const MAX_TEXT = 256 * 1024;
const BOX_DISPLAY = /^(?:block|flex|grid|list-item|table|table-row|flow-root)\b/;
/** A line number as a gutter shows it. */
const LINE_NUMBER = /^\s*[0-9]{1,7}\s*$/;

type Kind = 'skip' | 'box' | 'inline';

/**
 * `maxText` bounds the characters read: a step's first line needs only a little. With `stopAfter`,
 * reading ends after the first line it accepts.
 */
export function readOutputLines(
  output: Element,
  maxText = MAX_TEXT,
  stopAfter?: (text: string) => boolean,
): OutputLine[] {
  const lines: { text: string; anchor: ChildNode }[] = [];
  let text = '';
  let anchor: ChildNode | undefined;
  let budget = maxText;
  let done = false;
  // Characters of non-blank text read so far: tells whether an element held any.
  let read = 0;

  const isOpen = () => text.trim() !== '';
  const endLine = () => {
    if (anchor && isOpen() && !done) {
      lines.push({ text, anchor });
      done = stopAfter?.(text) ?? false;
    }
    text = '';
    anchor = undefined;
  };

  const readText = (node: Text) => {
    // Only what the budget allows is copied out of a multi-megabyte node.
    const pieces = splitOutputLines(node.substringData(0, budget));
    budget -= node.length;
    const lastWithText = pieces.findLastIndex((piece) => piece.trim() !== '');
    pieces.forEach((piece, index) => {
      if (done) return;
      if (index > 0) {
        // The separator that ends the line is in this node: after it, when no later line's text is.
        if (index > lastWithText && isOpen()) anchor = node;
        endLine();
      }
      if (piece === '') return;
      text += piece;
      if (piece.trim() !== '') {
        anchor = node;
        read += piece.length;
      }
    });
  };

  const visit = (node: Node) => {
    if (budget <= 0 || done) return;
    if (node.nodeType === Node.TEXT_NODE) return readText(node as Text);
    if (!(node instanceof Element)) return;
    if (node.localName === 'br') return endLine();
    const kind = kindOf(node, isOpen());
    if (kind === 'skip') return;
    if (kind === 'box') endLine();
    const linesBefore = lines.length;
    const readBefore = read;
    for (const child of node.childNodes) {
      visit(child);
      if (budget <= 0 || done) return;
    }
    // Climb: this element holds the end of one line and no other line's text.
    const ended = lines.length - linesBefore;
    if (ended === 0 && read > readBefore && isOpen()) anchor = node;
    else if (ended === 1 && !isOpen()) (lines.at(-1) as { anchor: ChildNode }).anchor = node;
    if (kind === 'box') endLine();
  };

  for (const child of output.childNodes) {
    if (budget <= 0 || done) break;
    visit(child);
  }
  endLine();
  return lines;
}

/** How an element takes part in the text: skipped (decoration, line numbers, hidden), a box that ends lines, or inline. */
function kindOf(element: Element, lineOpen: boolean): Kind {
  if (element.matches(NOT_LOG_TEXT)) return 'skip';
  // A line number before the line's text, or a whole gutter column of them, is not log text.
  if (!lineOpen && (isLineNumber(element) || isGutterColumn(element))) return 'skip';
  // Computed, not guessed from the tag: a span made a block by CircleCI's styles ends a line too.
  const display = element.ownerDocument.defaultView?.getComputedStyle(element).display ?? '';
  if (display === 'none') return 'skip';
  return BOX_DISPLAY.test(display) ? 'box' : 'inline';
}

/** An element that holds only a short number (as text, or in one child): `<a href="#step-99-28">28</a>`. */
function isLineNumber(element: Element): boolean {
  if (element.childNodes.length !== 1) return false;
  let only = element.firstChild;
  if (only instanceof Element && only.childNodes.length === 1) only = only.firstChild;
  return only instanceof Text && only.length <= 16 && LINE_NUMBER.test(only.data);
}

/** A column of line numbers beside the text: its first and last children are line numbers. */
function isGutterColumn(element: Element): boolean {
  const first = element.firstElementChild;
  const last = element.lastElementChild;
  return first !== null && last !== null && first !== last && isLineNumber(first) && isLineNumber(last);
}
