import { useLayoutEffect, useRef } from 'preact/hooks';
import { replaceKeepingFocus } from '../ui/dom/replace';

/** Shows nodes built by the job page's DOM components (src/ui), so the popup offers the very same control. */
export function DomNodes({ build }: { readonly build: () => Node }) {
  const slot = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (slot.current) replaceKeepingFocus(slot.current, build());
  });
  return <div ref={slot} class="dom-nodes" />;
}
