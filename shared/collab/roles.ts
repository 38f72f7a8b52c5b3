/**
 * What a team-server account may do. Everyone signed in may read the packs they can see and
 * comment and suggest; the permissions add to that:
 * - edit: change the text, the front sheet and the outline directly;
 * - approve: give sign-offs (clearance);
 * - exempt: see packs marked exempt (Schedule 12A).
 * An account with no permissions is "suggest only".
 */
export const PERMISSIONS = ['edit', 'approve', 'exempt'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Role names the CLI accepts, each a set of permissions. */
export const ROLES: Record<string, Permission[]> = {
  suggest: [],
  edit: ['edit'],
  approve: ['edit', 'approve'],
};

export function describePermissions(permissions: readonly Permission[]): string {
  const parts = [permissions.includes('edit') ? 'edits' : 'suggests only'];
  if (permissions.includes('approve')) parts.push('approves');
  if (permissions.includes('exempt')) parts.push('sees exempt packs');
  return parts.join(', ');
}
