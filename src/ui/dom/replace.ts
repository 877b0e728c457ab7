// Redrawing DOM-built UI replaces its nodes; a keyboard user must not lose their place when it does.

const FOCUSABLE = 'a[href], button, input, select, textarea';

/** Puts `nodes` in place of `parent`'s children; focus inside moves to the control in the same place. */
export function replaceKeepingFocus(parent: Element, nodes: Node): void {
  const root = parent.getRootNode() as Document | ShadowRoot;
  const focused = root.activeElement;
  const place = focused && parent.contains(focused) ? [...parent.querySelectorAll(FOCUSABLE)].indexOf(focused) : -1;
  parent.replaceChildren(nodes);
  if (place >= 0) parent.querySelectorAll<HTMLElement>(FOCUSABLE)[place]?.focus();
}
