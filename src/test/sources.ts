// Reads the extension's own source files for the convention tests (src/test/conventions/): which
// modules a file imports, whether only for types, and where a relative import lands. The TypeScript
// parser reads them, so a string or comment that looks like an import is not one.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';

export const ROOT = join(dirname(new URL(import.meta.url).pathname), '../..');

/** Source files by path from the repository root (`src/content/index.tsx`), to their text. */
export type Sources = ReadonlyMap<string, string>;

export interface Import {
  /** As written, without a `?inline`-style query. */
  readonly specifier: string;
  /** The file it lands on (`src/shared/browser.ts`), for a relative import that resolves; else undefined. */
  readonly file?: string;
  /** `import type`, or every name imported with `type`: nothing of it reaches the bundle. */
  readonly typeOnly: boolean;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.startsWith('src/test/');

/** Every TypeScript file under `src/`, tests and test helpers left out. */
export function readSources(): Sources {
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .map((file) => `src/${file.split('\\').join('/')}`)
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts') && !isTest(file));
  return new Map(files.sort().map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));
}

export function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}

/** `./x` from `src/a/b.ts`, as the bundler finds it among `sources`: the file, `.ts`, `.tsx`. */
export function resolve(from: string, specifier: string, sources: Sources): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = normalize(join(dirname(from), specifier))
    .split('\\')
    .join('/');
  return [base, `${base}.ts`, `${base}.tsx`].find((candidate) => sources.has(candidate));
}

export function importsOf(file: string, sources: Sources): Import[] {
  const text = sources.get(file) ?? '';
  const found: Import[] = [];
  const add = (literal: ts.Expression | undefined, typeOnly: boolean) => {
    if (!literal || !ts.isStringLiteral(literal)) return;
    const specifier = literal.text.split('?')[0] ?? '';
    const resolved = resolve(file, specifier, sources);
    found.push({ specifier, typeOnly, ...(resolved === undefined ? {} : { file: resolved }) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
      const typeOnly =
        clause?.isTypeOnly === true ||
        (clause !== undefined &&
          clause.name === undefined &&
          named !== undefined &&
          named.elements.length > 0 &&
          named.elements.every((element) => element.isTypeOnly));
      add(node.moduleSpecifier, typeOnly);
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file, text));
  return found;
}

/** The folder under `src/` a file belongs to: `src/content/features/x.tsx` → `content`. */
export const folderOf = (file: string): string => file.split('/')[1] ?? '';

/** The file writes JSX (a `.tsx` file may hold none): its JSX runtime is then part of what it imports. */
export function usesJsx(file: string, text: string): boolean {
  let found = false;
  const visit = (node: ts.Node) => {
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) found = true;
    else if (!found) ts.forEachChild(node, visit);
  };
  visit(parse(file, text));
  return found;
}
