/** One line per check, pass or fail with its reason; the exit code says whether all passed. */
import type { CheckResult } from './checks';

export function report(results: CheckResult[]): number {
  for (const { name, ok, detail } of results) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name} — ${detail}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(failed ? `\n${failed} of ${results.length} checks failed` : `\nall ${results.length} checks passed`);
  return failed ? 1 : 0;
}
