/**
 * A build check: zod (26 kB gzipped) is for the background and the options page; the content script runs on every
 * Procore page and the popup must paint at once, so neither may bundle it. This Vite plugin fails the build when an
 * output that must stay zod-free contains zod, directly or through a chunk it imports, and names the project file
 * that pulled it in. (A type-only import is fine: it leaves nothing in the bundle.)
 */
import type { Plugin } from 'vite';

const ZOD = /[\\/]node_modules[\\/]zod[\\/]/;
const DEPENDENCY = /[\\/]node_modules[\\/]/;

/** The parts of Rollup's output and plugin context the check reads. */
interface OutputChunk {
  type: 'chunk';
  fileName: string;
  moduleIds: string[];
  imports: string[];
}
type Output = OutputChunk | { type: 'asset'; fileName: string };
interface CheckContext {
  error(message: string): never;
  getModuleInfo(id: string): { importers: readonly string[] } | null;
}

/** The project file whose import brought `id` in: the first importer, up the graph, that is not a dependency. */
function projectImporter(ctx: CheckContext, id: string): string | null {
  const seen = new Set<string>();
  const queue = [id];
  while (queue.length) {
    const current = queue.shift()!;
    for (const importer of ctx.getModuleInfo(current)?.importers ?? []) {
      if (!DEPENDENCY.test(importer)) return importer;
      if (!seen.has(importer)) {
        seen.add(importer);
        queue.push(importer);
      }
    }
  }
  return null;
}

/** Every module an output runs, with the chunk it is in: its own and those of the chunks it imports. */
function modulesOf(chunk: OutputChunk, bundle: Record<string, Output>): { id: string; chunk: string }[] {
  const ids: { id: string; chunk: string }[] = [];
  const visited = new Set<string>();
  const visit = (current: OutputChunk) => {
    if (visited.has(current.fileName)) return;
    visited.add(current.fileName);
    ids.push(...current.moduleIds.map((id) => ({ id, chunk: current.fileName })));
    for (const name of current.imports) {
      const imported = bundle[name];
      if (imported?.type === 'chunk') visit(imported);
    }
  };
  visit(chunk);
  return ids;
}

export function checkZodFree(ctx: CheckContext, bundle: Record<string, Output>, outputs: RegExp): void {
  for (const chunk of Object.values(bundle)) {
    if (chunk.type !== 'chunk' || !outputs.test(chunk.fileName)) continue;
    const zod = modulesOf(chunk, bundle).find(({ id }) => ZOD.test(id));
    if (zod) {
      const via = projectImporter(ctx, zod.id);
      const where = zod.chunk === chunk.fileName ? '' : ` (in ${zod.chunk}, which it imports)`;
      ctx.error(
        `zod must not reach ${chunk.fileName}${where}${via ? `: it is imported through ${via}` : ''} (use \`import type\`)`,
      );
    }
  }
}

/** `outputs`: the file names (as WXT writes them) that must not contain zod. */
export function zodFreeBundles(outputs: RegExp): Plugin {
  return {
    name: 'erp-resend:zod-free-bundles',
    apply: 'build',
    generateBundle(_, bundle) {
      checkZodFree(this as unknown as CheckContext, bundle as unknown as Record<string, Output>, outputs);
    },
  };
}
