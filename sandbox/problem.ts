/** An API refusal with the status and body Procore's conventions give it (`docs/contract/openapi.yaml`, errors). */
export type ProblemBody = { errors: Record<string, string[]> } | { message: string };

export class Problem extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422,
    readonly body: ProblemBody,
  ) {
    super('errors' in body ? JSON.stringify(body.errors) : body.message);
  }
}

export const notFound = (what: string) => new Problem(404, { message: `${what} not found` });
export const forbidden = (message: string) => new Problem(403, { message });
export const conflict = (message: string) => new Problem(409, { message });
export const invalid = (errors: Record<string, string[]>) => new Problem(422, { errors });
