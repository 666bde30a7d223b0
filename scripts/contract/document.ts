/**
 * The contract document (`docs/contract/openapi.yaml`) as code: read once, checked as OpenAPI 3.1, and able to say
 * whether an answer is one the document allows (its operation, status, required headers and JSON body). The tests
 * check every sandbox answer with it, and the conformance command checks a gateway's.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import type { Answer } from '../../sandbox/traffic';

export type { Answer };

export const CONTRACT_PATH = fileURLToPath(new URL('../../docs/contract/openapi.yaml', import.meta.url));
const DOCUMENT_ID = 'contract.json';

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  /** JSON Pointer of the operation object in the document. */
  pointer: string;
  responses: Record<string, ResponseObject>;
}

interface ResponseObject {
  headers?: Record<string, { required?: boolean } | { $ref: string }>;
  content?: Record<string, { schema?: unknown; examples?: Record<string, unknown> }>;
}

export interface Contract {
  /** The document, `$ref`s left as they are. */
  document: Record<string, unknown>;
  /** The operation an answer answers, or null when the document has none for that method and path. */
  operation(method: string, path: string): { template: string; operationId: string } | null;
  /** What is wrong with an answer by the document; [] when it is one the document allows. */
  check(answer: Answer): string[];
  /** A validator for a schema of the document, by its JSON Pointer (`#/components/schemas/Vendor`). */
  validator(pointer: string): ValidateFunction;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const escapePointer = (part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1');

function operationsOf(document: Record<string, unknown>): Operation[] {
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(paths).flatMap(([template, item]) =>
    METHODS.filter((method) => method in item).map((method) => ({
      method: method.toUpperCase(),
      template,
      pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      pointer: `#/paths/${escapePointer(template)}/${method}`,
      responses: (item[method] as { responses: Record<string, ResponseObject> }).responses,
    })),
  );
}

/** Follows a local `$ref` (`#/components/...`) in the document. */
function resolve<T>(document: Record<string, unknown>, value: T | { $ref: string }): T {
  if (typeof value !== 'object' || value === null || !('$ref' in value)) return value as T;
  const parts = value.$ref.replace(/^#\//, '').split('/');
  const target = parts.reduce<unknown>(
    (node, part) => (node as Record<string, unknown>)[part.replaceAll('~1', '/').replaceAll('~0', '~')],
    document,
  );
  return resolve(document, target as T);
}

/** Reads the document and checks it is valid OpenAPI 3.1; throws with the validator's findings when not. */
export async function loadContract(path = CONTRACT_PATH): Promise<Contract> {
  const document = parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  const validation = await new Validator().validate(structuredClone(document));
  if (!validation.valid) {
    throw new Error(`${path} is not valid OpenAPI 3.1: ${JSON.stringify(validation.errors, null, 2)}`);
  }
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document, DOCUMENT_ID);
  const compiled = new Map<string, ValidateFunction>();
  const validator = (pointer: string): ValidateFunction => {
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      compiled.set(pointer, validate);
    }
    return validate;
  };
  const operations = operationsOf(document);
  const find = (method: string, path: string) =>
    operations.find((op) => op.method === method.toUpperCase() && op.pattern.test(path)) ?? null;

  return {
    document,
    validator,
    operation(method, path) {
      const op = find(method, path);
      if (!op) return null;
      const operationId = resolve<{ operationId: string }>(document, { $ref: op.pointer }).operationId;
      return { template: op.template, operationId };
    },
    check: (answer) => checkAnswer(document, find(answer.method, answer.path), answer, validator),
  };
}

function checkAnswer(
  document: Record<string, unknown>,
  op: Operation | null,
  answer: Answer,
  validator: (pointer: string) => ValidateFunction,
): string[] {
  const where = `${answer.method} ${answer.path} ${answer.status}`;
  // An unknown path is answered 404, as the document's conventions say.
  if (!op) return answer.status === 404 ? [] : [`${where}: no operation in the document for this method and path`];
  const status = String(answer.status);
  const documented = op.responses[status] ?? op.responses.default;
  if (!documented) return [`${where}: status ${status} is not documented for ${op.method} ${op.template}`];
  const key = op.responses[status] ? status : 'default';
  const response = resolve(document, documented);
  const problems: string[] = [];
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    if (resolve(document, header).required && !answer.headers.has(name)) {
      problems.push(`${where}: the ${name} header is missing`);
    }
  }
  const json = response.content?.['application/json'];
  if (!json?.schema) {
    if (answer.body.trim() !== '') problems.push(`${where}: the document has no body for this answer`);
    return problems;
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return [...problems, `${where}: the body is not JSON`];
  }
  const pointer = responsePointer(op, key);
  const validate = validator(`${pointer}/content/application~1json/schema`);
  if (!validate(body)) {
    for (const error of validate.errors ?? []) {
      problems.push(`${where}: body${error.instancePath} ${error.message ?? 'is invalid'}`);
    }
  }
  return problems;
}

/** The pointer of a response object, through a `$ref` to `components/responses` when the operation uses one. */
function responsePointer(op: Operation, key: string): string {
  const raw = op.responses[key];
  if (raw && typeof raw === 'object' && '$ref' in raw) return String((raw as { $ref: string }).$ref);
  return `${op.pointer}/responses/${key}`;
}
