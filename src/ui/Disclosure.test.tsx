// @vitest-environment happy-dom
/** @jsxImportSource #dom */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Disclosure } from './Disclosure';

function render(open: boolean) {
  const toggles: boolean[] = [];
  let built = 0;
  const root = (
    <Disclosure
      class="recipes"
      label="More commands for container 0"
      open={open}
      onToggle={(now) => toggles.push(now)}
      content={() => {
        built++;
        return <p>inside</p>;
      }}
    />
  ) as HTMLElement;
  const button = root.querySelector('button') as HTMLButtonElement;
  const part = root.querySelector('.disclosure-part') as HTMLElement;
  return { root, button, part, toggles, built: () => built };
}

describe('Disclosure', () => {
  it('starts closed, named by its label, and builds nothing until opened', () => {
    const { root, button, part, built } = render(false);
    expect(root.className).toBe('recipes');
    expect(button.type).toBe('button');
    expect(button.textContent).toBe('More commands for container 0');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(part.hidden).toBe(true);
    expect(built()).toBe(0);
  });

  it('opens and closes on click, says so, and builds its part once', () => {
    const { button, part, toggles, built } = render(false);
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(part.hidden).toBe(false);
    expect(part.textContent).toBe('inside');
    button.click();
    button.click();
    expect(toggles).toEqual([true, false, true]);
    expect(built()).toBe(1);
  });

  it('starts open when the user had it open before a redraw, without reporting a toggle', () => {
    const { button, part, toggles } = render(true);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(part.hidden).toBe(false);
    expect(toggles).toEqual([]);
  });
});

describe("UI drawn into CircleCI's page", () => {
  it('never uses <details>, which slows every style update of a long log (docs/benchmarks.md)', () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..');
    const files = ['ui', 'content', 'content/features'].flatMap((folder) =>
      readdirSync(join(src, folder))
        .filter((name) => name.endsWith('.tsx') && !name.endsWith('.test.tsx'))
        .map((name) => join(src, folder, name)),
    );
    expect(files.length).toBeGreaterThan(5);
    const withDetails = files.filter((file) => /<details\b/.test(readFileSync(file, 'utf8')));
    expect(withDetails).toEqual([]);
  });
});
