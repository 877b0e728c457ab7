// Queries on the extension's own markup (our shadow roots and pages), never on CircleCI's, whose
// selectors are all in circleci/selectors.ts. They are kept here so that a selector written anywhere
// else is a mistake the convention test catches (src/test/conventions/dom-queries.test.ts).

/** The first copy button our UI drew inside `root` (CopyRow's `button.copy`). */
export function firstCopyButton(root: ParentNode | null | undefined): HTMLButtonElement | null {
  return root?.querySelector<HTMLButtonElement>('button.copy') ?? null;
}

/** The first field a form marks invalid, where focus goes after a save it refused. */
export function firstInvalidField(form: ParentNode | null | undefined): HTMLElement | null {
  return form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? null;
}
