/** @jsxImportSource #dom */
// A button that shows and hides a part (the ARIA disclosure pattern), used in place of a details element. In
// Chromium a closed details element keeps its content under a content-visibility lock, and while one is in
// the document every style update of a page with millions of log nodes costs tens of milliseconds
// more (docs/benchmarks.md, "Why no details element"). A `hidden` part costs nothing.

export interface DisclosureProps {
  readonly label: string;
  /** The class of the element holding the button and the part. */
  readonly class: string;
  readonly open: boolean;
  readonly onToggle: (open: boolean) => void;
  /** The part, built the first time it opens: most visits never open it. */
  readonly content: () => Node;
}

export function Disclosure(props: DisclosureProps) {
  let open = props.open;
  const part = (<div class="disclosure-part" />) as HTMLElement;
  const button = (
    <button type="button" class="disclosure" onClick={() => toggle()}>
      {props.label}
    </button>
  ) as HTMLButtonElement;
  const show = () => {
    if (open && part.childElementCount === 0) part.append(props.content());
    part.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  const toggle = () => {
    open = !open;
    show();
    props.onToggle(open);
  };
  show();
  return (
    <div class={props.class}>
      {button}
      {part}
    </div>
  );
}
