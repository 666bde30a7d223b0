/** Which company a page belongs to, and how its failures read. */
import { ApiFailure, call, pageToken } from './api';
import type { Level } from './routes';
import type { CompanyJson, ProjectJson } from './types';

export const errorText = (error: unknown) => (error instanceof ApiFailure ? error.message : 'Something went wrong');

/** A project page finds its company through the project, as the extension does; the header shows the project. */
export async function scopeOf(level: Level, scopeId: number): Promise<{ companyId: number; context: string }> {
  const token = pageToken();
  if (level === 'project') {
    const project = await call<ProjectJson>(token, 'GET', `/projects/${scopeId}`);
    return { companyId: project.company.id, context: `${project.name} · ${project.company.name}` };
  }
  const companies = await call<CompanyJson[]>(token, 'GET', '/companies');
  const company = companies.find((c) => c.id === scopeId);
  if (!company) throw new ApiFailure(404, 'Company not found');
  return { companyId: company.id, context: company.name };
}
