// JSX that builds real DOM nodes, for the UI injected into CircleCI's page. The content script runs on
// every job page, so it carries no virtual DOM: a component is a function called once that returns
// nodes, and keeps its own state in closures (see CopyRow). Files opt in with
// `/** @jsxImportSource #dom */`; the extension's own pages keep Preact.
// Text becomes text nodes and attributes go through setAttribute: nothing here parses HTML.

import type { JSX as PreactJSX } from 'preact';

export type Child = Node | string | number | boolean | null | undefined | readonly Child[];
type Props = Record<string, unknown> & { readonly children?: Child };
type Component = (props: Props) => Node | null;

export namespace JSX {
  export type Element = Node;
  // Preact's attribute types describe the same HTML; only the runtime differs.
  export interface IntrinsicElements extends PreactJSX.IntrinsicElements {}
  export interface ElementChildrenAttribute {
    children: unknown;
  }
}

/** Properties rather than attributes: they must follow the children (a select's value needs its options). */
const PROPERTIES = new Set(['value', 'checked']);

export function jsx(type: string | Component, props: Props): Node {
  if (typeof type === 'function') return type(props) ?? document.createDocumentFragment();
  const { children, ...attributes } = props;
  const element = document.createElement(type);
  append(element, children);
  for (const [name, value] of Object.entries(attributes)) setAttribute(element, name, value);
  return element;
}

export const jsxs = jsx;
/** What tests and dev builds call (they load this file as `#dom/jsx-dev-runtime`). */
export const jsxDEV = jsx;

export function Fragment({ children }: Props): Node {
  const fragment = document.createDocumentFragment();
  append(fragment, children);
  return fragment;
}

export function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || typeof child === 'boolean') return;
  if (Array.isArray(child)) for (const each of child as readonly Child[]) append(parent, each);
  else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
}

function setAttribute(element: HTMLElement, name: string, value: unknown): void {
  if (name === 'key' || value === undefined || value === null) return;
  if (name === 'ref' && typeof value === 'function') value(element);
  else if (/^on[A-Z]/.test(name) && typeof value === 'function')
    element.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
  else if (PROPERTIES.has(name)) Object.assign(element, { [name]: value });
  // aria-* and spellcheck say true and false in words; for other attributes false means absent.
  else if (name.startsWith('aria-') || name === 'spellcheck') element.setAttribute(name, String(value));
  else if (value !== false)
    element.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
}
