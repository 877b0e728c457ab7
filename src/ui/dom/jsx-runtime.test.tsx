// @vitest-environment happy-dom
/** @jsxImportSource #dom */
import { describe, expect, it, vi } from 'vitest';
import { replaceKeepingFocus } from './replace';

describe('DOM JSX', () => {
  it('builds elements with attributes, text and listeners', () => {
    const onClick = vi.fn();
    const button = (
      <button type="button" class="copy" aria-label="Copy" onClick={onClick}>
        Copy {2}
      </button>
    ) as HTMLButtonElement;
    expect(button.outerHTML).toBe('<button type="button" class="copy" aria-label="Copy">Copy 2</button>');
    button.click();
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('writes page text as text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const code = (<code title={hostile}>{hostile}</code>) as HTMLElement;
    expect(code.children).toHaveLength(0);
    expect(code.textContent).toBe(hostile);
    expect(code.getAttribute('title')).toBe(hostile);
  });

  it('says false in words for aria and spellcheck, and leaves other false attributes out', () => {
    const input = (<input aria-invalid={false} spellcheck={false} disabled={false} required />) as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(input.getAttribute('spellcheck')).toBe('false');
    expect(input.hasAttribute('disabled')).toBe(false);
    expect(input.getAttribute('required')).toBe('');
  });

  it("sets a select's value after its options exist, skips empty children and flattens lists", () => {
    const select = (
      <select value="b">
        {['a', 'b'].map((id) => (
          <option value={id}>{id}</option>
        ))}
        {false}
        {null}
      </select>
    ) as HTMLSelectElement;
    expect(select.value).toBe('b');
    expect(select.options).toHaveLength(2);
  });

  it('renders fragments and components, and null as nothing', () => {
    const Nothing = () => null;
    const Greeting = ({ name }: { readonly name: string }) => <b>{name}</b>;
    const box = document.createElement('div');
    box.append(
      <>
        <Nothing />
        <Greeting name="Ada" />
      </>,
    );
    expect(box.innerHTML).toBe('<b>Ada</b>');
  });
});

describe('replaceKeepingFocus', () => {
  it('moves focus to the control in the same place of the new nodes', () => {
    const parent = document.createElement('div');
    document.body.append(parent);
    parent.append(<button type="button">one</button>, <select />);
    parent.querySelector('select')?.focus();
    replaceKeepingFocus(
      parent,
      <>
        <button type="button">one</button>
        <select name="new" />
      </>,
    );
    expect(document.activeElement?.getAttribute('name')).toBe('new');
  });
});
