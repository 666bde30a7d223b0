/**
 * Rules of the code base that a reviewer would otherwise have to remember: no function a reader cannot hold in view,
 * and no comment that points at something a reader of the repository cannot open.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const PRODUCT_DIRS = ['lib', 'components', 'entrypoints', 'sandbox', 'scripts', 'bench'];
const MAX_FUNCTION_LINES = 80;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const files = PRODUCT_DIRS.flatMap(sourceFiles);

function longFunctions(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name =
        node.name && ts.isIdentifier(node.name)
          ? node.name.text
          : ts.isVariableDeclaration(node.parent)
            ? node.parent.name.getText(source)
            : '(anonymous)';
      if (end - start + 1 > MAX_FUNCTION_LINES) found.push(`${file}:${start + 1} ${name} (${end - start + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the code base', () => {
  it('reads its product code from every folder', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(files.flatMap(longFunctions)).toEqual([]);
  });

  it('has no comment that points at something outside the repository', () => {
    // Spelt in pieces so that this line does not match itself.
    const outside = new RegExp(
      ['\\bissues? \\d', 'domain ' + 'notes', '\\bpart [A-E]\\b', 'team ' + 'brief'].join('|'),
      'i',
    );
    const offenders = [...files, ...sourceFiles('tests')].flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, index) => (outside.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it("imports zod's tree-shakable API only (zod/mini), which keeps the worker's bundle small", () => {
    const classic = /from ['"]zod['"]|from ['"]zod\/v4['"]/;
    const offenders = [...files, ...sourceFiles('tests')].filter((file) =>
      classic.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
