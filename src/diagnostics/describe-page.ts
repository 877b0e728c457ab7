// The structural report of a job page the extension could not read, for a bug report: the shape of the
// page without its content. Tag names, the names of data-*, role and aria-* attributes with only
// allow-listed values (identifiers such as `data-cy="step-output"`, `aria-expanded="true"`), depth,
// repeated siblings folded into counts, how much text an element holds (never the text), which hooks
// matched, and the URL's shape with every name and number replaced. Never log text, never a query
// string, never a token. `describePage` runs in the page through scripting.executeScript, which sends
// it as source: it may use nothing from outside its own body.

export interface PageStructure {
  /** `app.circleci.com/pipelines/github/*\/*\/N/workflows/*\/jobs/N`. */
  readonly url: string;
  /** How many elements each hook matched. */
  readonly hooks: Readonly<Record<string, number>>;
  readonly tree: readonly string[];
  readonly truncated: boolean;
}

export function describePage(hooks: Readonly<Record<string, string>>): PageStructure {
  const MAX_LINES = 800;
  const MAX_DEPTH = 40;
  const SHOWN_VALUE =
    /^(?:data-cy|data-testid|data-test|role|id|tabindex|aria-(?:expanded|hidden|current|haspopup|selected|level|live|busy))$/;
  const SAFE_VALUE = /^[A-Za-z0-9][\w-]{0,40}$/;
  const URL_WORDS = new Set([
    'pipelines',
    'workflows',
    'jobs',
    'parallel-runs',
    'steps',
    'gh',
    'bb',
    'github',
    'bitbucket',
    'circleci',
  ]);

  const url =
    location.hostname +
    location.pathname
      .split('/')
      .map((part) => (part === '' || URL_WORDS.has(part) ? part : /^[0-9]+$/.test(part) ? 'N' : '*'))
      .join('/');

  const counts: Record<string, number> = {};
  for (const [name, selector] of Object.entries(hooks)) {
    try {
      counts[name] = document.querySelectorAll(selector).length;
    } catch {
      counts[name] = -1;
    }
  }

  const signature = (element: Element): string => {
    const attributes = [...element.attributes]
      .filter((attribute) => attribute.name !== 'class' && attribute.name !== 'style' && attribute.name !== 'href')
      .map((attribute) =>
        SHOWN_VALUE.test(attribute.name) && SAFE_VALUE.test(attribute.value)
          ? `${attribute.name}="${attribute.value}"`
          : attribute.name,
      );
    const extras = [
      element.classList.length > 0 ? 'class' : '',
      element.hasAttribute('style') ? 'style' : '',
      element.hasAttribute('href')
        ? `href${element.getAttribute('href')?.includes('/parallel-runs/') ? '=…/parallel-runs/N' : ''}`
        : '',
      element.shadowRoot ? '#shadow-root' : '',
    ].filter(Boolean);
    return [element.localName, ...attributes, ...extras].join(' ');
  };
  const ownText = (element: Element): number => {
    let length = 0;
    for (const child of element.childNodes)
      if (child.nodeType === Node.TEXT_NODE) length += (child.nodeValue ?? '').trim().length;
    return length;
  };

  const tree: string[] = [];
  let truncated = false;
  const outline = (element: Element, depth: number, repeated: number) => {
    if (tree.length >= MAX_LINES) {
      truncated = true;
      return;
    }
    const text = ownText(element);
    tree.push(
      `${'  '.repeat(depth)}${signature(element)}${text > 0 ? ` (text ${text})` : ''}${repeated > 1 ? ` ×${repeated}` : ''}`,
    );
    if (depth >= MAX_DEPTH) return;
    const children = [...element.children].filter(
      (child) => child.localName !== 'script' && child.localName !== 'style',
    );
    for (let index = 0; index < children.length; ) {
      const child = children[index] as Element;
      let same = 1;
      while (index + same < children.length && signature(children[index + same] as Element) === signature(child))
        same++;
      outline(child, depth + 1, same);
      index += same;
    }
  };
  outline(document.body, 0, 1);
  return { url, hooks: counts, tree, truncated };
}
