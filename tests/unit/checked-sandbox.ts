/**
 * The sandbox for unit tests that call its API: every answer is checked against the contract document, and
 * `expectContractKept` (after each test) fails the test whose answers broke it.
 */
import { expect } from 'vitest';
import { loadContract } from '../../scripts/contract/document';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';
import { sandboxControl } from '../../scripts/sandbox-control';

export async function startCheckedSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const contract = await loadContract();
  return startSandbox({ port: 0, ...options, checkAnswer: contract.check });
}

export async function expectContractKept(sandbox: Sandbox): Promise<void> {
  const { violations } = await sandboxControl(sandbox.url).contract();
  expect(violations).toEqual([]);
}
