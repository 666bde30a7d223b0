/**
 * The contract document (`docs/contract/openapi.yaml`) against itself, the extension's zod schemas and the
 * extension's API client. (Every sandbox answer in the suite is checked against it too: `checked-sandbox.ts` and the
 * browser suites' sandbox fixture.)
 */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import { createApiClient } from '@/entrypoints/background/api/client';
import {
  erpRequestSchema,
  erpSettingsSchema,
  errorBodySchema,
  meSchema,
  permissionManifestSchema,
  projectSchema,
  vendorSchema,
} from '@/lib/contract/api-bodies';
import { CONTRACT_PATH, loadContract, type Contract } from '../../../scripts/contract/document';

let contract: Contract;
beforeAll(async () => {
  contract = await loadContract();
});

/** The document's schemas the extension parses answers with, and the zod schema it uses for each. */
const ZOD_FOR: Record<string, z.ZodMiniType> = {
  Me: meSchema,
  ErpSettings: erpSettingsSchema,
  PermissionManifest: permissionManifestSchema,
  Project: projectSchema,
  Vendor: vendorSchema,
  ErpRequest: erpRequestSchema,
  Error: errorBodySchema,
};

type Json = Record<string, unknown>;
interface Example {
  where: string;
  schema: Json;
  value: unknown;
}

const deref = (node: unknown): Json => {
  let value = node as Json;
  while (value && typeof value.$ref === 'string') {
    value = (value.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .reduce<Json>((at, part) => at[part.replaceAll('~1', '/').replaceAll('~0', '~')] as Json, contract.document);
  }
  return value;
};

/** Every example of a response or request body, with the schema it illustrates (refs kept). */
function examples(): Example[] {
  const found: Example[] = [];
  const collect = (where: string, media: Json | undefined) => {
    if (!media?.schema) return;
    for (const [name, example] of Object.entries((media.examples ?? {}) as Json)) {
      found.push({ where: `${where} ${name}`, schema: media.schema as Json, value: deref(example).value });
    }
  };
  for (const [path, item] of Object.entries(contract.document.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      const operation = op as Json;
      if (!operation.responses) continue;
      const body = operation.requestBody ? (deref(operation.requestBody).content as Json) : undefined;
      collect(`${method} ${path} request`, body?.['application/json'] as Json | undefined);
      for (const [status, response] of Object.entries(operation.responses as Json)) {
        const content = deref(response).content as Json | undefined;
        collect(`${method} ${path} ${status}`, content?.['application/json'] as Json | undefined);
      }
    }
  }
  return found;
}

/** The component a schema names (`Vendor`), or an array's item component (`ErpRequest[]`). */
function componentOf(schema: Json): { name: string; list: boolean } | null {
  const ref = (schema.$ref ?? (schema.items as Json | undefined)?.$ref) as string | undefined;
  if (!ref) return null;
  return { name: ref.split('/').pop() ?? '', list: schema.type === 'array' };
}

describe('the contract document', () => {
  it('is valid OpenAPI 3.1', () => expect(contract.document.openapi).toMatch(/^3\.1\./));

  it('is refused when it is not valid OpenAPI (a path parameter that is not required)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'contract-'));
    const broken = join(dir, 'openapi.yaml');
    await copyFile(CONTRACT_PATH, broken);
    const text = await readFile(broken, 'utf8');
    await writeFile(
      broken,
      text.replace('      in: path\n      required: true', '      in: path\n      required: false'),
    );
    await expect(loadContract(broken)).rejects.toThrow(/not valid OpenAPI 3\.1/);
  });

  it('marks every operation as Procore’s own or the gateway’s, and says whether the extension calls it', () => {
    for (const [path, item] of Object.entries(contract.document.paths as Json)) {
      for (const [method, op] of Object.entries(item as Json)) {
        if (method === 'parameters') continue;
        const operation = op as Json;
        expect(['procore', 'gateway'], `${method} ${path}`).toContain(operation['x-source']);
        expect(typeof operation['x-called-by-extension'], `${method} ${path}`).toBe('boolean');
      }
    }
  });

  it('has an example of every answer the extension parses, and each passes the document’s own schema', () => {
    const all = examples();
    const illustrated = new Set(all.map((e) => componentOf(e.schema)?.name));
    for (const name of Object.keys(ZOD_FOR)) expect(illustrated, name).toContain(name);
    for (const example of all) {
      const validate = contract.validator(`#/components/schemas/${componentOf(example.schema)?.name ?? ''}`);
      const value = componentOf(example.schema)?.list ? example.value : [example.value];
      for (const item of value as unknown[])
        expect(validate(item), `${example.where}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it("parses every example with the extension's zod schema for it", () => {
    for (const example of examples()) {
      const component = componentOf(example.schema);
      const schema = component && ZOD_FOR[component.name];
      if (!schema) continue;
      const items = component.list ? (example.value as unknown[]) : [example.value];
      for (const item of items) {
        const parsed = schema.safeParse(item);
        expect(parsed.success, `${example.where}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
  });
});

describe('the extension’s API client against the document', () => {
  /** Answers each call with the document's first example of its success answer, and records which operation it was. */
  function documentedServer() {
    const called: string[] = [];
    const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input));
      const method = init.method ?? 'GET';
      const op = contract.operation(method, url.pathname);
      if (!op) throw new Error(`${method} ${url.pathname} is not in the document`);
      called.push(op.operationId);
      const responses = deref((contract.document.paths as Json)[op.template]) as Json;
      const answers = (responses[method.toLowerCase()] as Json).responses as Json;
      const [status, example] = Object.entries(answers)
        .filter(([code]) => code.startsWith('2'))
        .map(([code, answer]) => {
          const media = (deref(answer).content as Json | undefined)?.['application/json'] as Json | undefined;
          const first = Object.values((media?.examples ?? {}) as Json)[0];
          return [code, first && deref(first).value] as const;
        })
        .find(([, value]) => value !== undefined) ?? ['500', null];
      return new Response(JSON.stringify(example), { status: Number(status) });
    };
    const api = createApiClient(
      { baseUrl: 'https://erp-gateway.example.com', token: 't' },
      { fetch: fetch as typeof globalThis.fetch, sleep: async () => undefined, random: () => 0.5 },
    );
    return { api, called };
  }

  it('calls exactly the operations the document marks as called by the extension, and reads their examples', async () => {
    const { api, called } = documentedServer();
    await api.me();
    await api.settings(8001);
    await api.permission(8001);
    await api.project(501);
    await api.vendor(8001, 101);
    await api.createRequest(8001, 101, 'key-1');
    await api.listRequests(8001);
    await api.getRequest(8001, 3);
    await api.retrieveRequest(8001, 4);
    const marked = Object.values(contract.document.paths as Json).flatMap((item) =>
      Object.values(item as Json)
        .map((op) => op as Json)
        .filter((op) => op['x-called-by-extension'] === true)
        .map((op) => op.operationId),
    );
    expect([...new Set(called)].sort()).toEqual(marked.sort());
  });
});
