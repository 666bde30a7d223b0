/**
 * Procore's permission manifest (`GET /rest/v1.0/settings/permissions`), as Procore answers it: every tool of the
 * company or project with the user's access level on it and what it lets them do. Only the Directory's level varies
 * in the sandbox; the other tools are there because a real manifest has them, and clients must skip what they do not
 * read.
 */
import type { PermissionLevel, User } from './model';

const LEVELS: Record<PermissionLevel, { id: number; name: string }> = {
  none: { id: 0, name: 'None' },
  read_only: { id: 1, name: 'Read Only' },
  standard: { id: 2, name: 'Standard' },
  admin: { id: 3, name: 'Admin' },
};

const ACTIONS: Record<PermissionLevel, string[]> = {
  none: [],
  read_only: ['view'],
  standard: ['view', 'create', 'update'],
  admin: ['view', 'create', 'update', 'delete', 'send_to_erp'],
};

const tool = (id: number, name: string, friendly: string, level: PermissionLevel) => ({
  id,
  name,
  friendly_name: friendly,
  available_for_user: level !== 'none',
  user_access_level: LEVELS[level],
  permitted_actions: ACTIONS[level].map((action) => ({ name: action, friendly_name: action.replace(/_/g, ' ') })),
});

/** The user's level on the company's Directory, or on a project's when `projectId` is given. */
export const directoryLevelOf = (user: User, projectId?: number): PermissionLevel =>
  (projectId !== undefined ? user.projectDirectoryLevels?.[projectId] : undefined) ?? user.directoryLevel;

/** The user's manifest for a company's tools, or a project's when `projectId` is given. */
export function permissionManifest(user: User, projectId?: number) {
  const directory = directoryLevelOf(user, projectId);
  return {
    tools: [
      tool(5, 'directory', 'Directory', directory),
      tool(61, 'erp_integrations', 'ERP Integrations', user.canPushToAccounting ? 'admin' : 'read_only'),
      tool(12, 'documents', 'Documents', 'standard'),
    ],
  };
}
