import type { EntityManager } from 'typeorm';
import { Problem } from '../common/problem-details/problem';
import type { RequestContext } from '../common/request-context/request-context';
import { preparedQuery } from '../database/prepared-query';

/** The project `p` is assigned to the reviewer $2, who did not declare a conflict with it. */
export const ASSIGNED_REVIEWER = `AND EXISTS (SELECT 1 FROM reviews r WHERE r.project_id = p.id AND r.reviewer_id = $2
                                       AND r.status <> 'declined_conflict')`;

/**
 * The check of every route nested under a project (its consents, its alignments): a soft-deleted or
 * unknown project answers 404. Writers hold the project row (FOR SHARE) so it cannot be deleted
 * under them. A reviewer reads what is nested under the projects they are assigned to and did not
 * withdraw from for a conflict (DESIGN.md §5); any other is 404.
 */
export async function assertProjectInScope(
  manager: EntityManager,
  projectId: string,
  forWrite: boolean,
  reader?: RequestContext,
): Promise<void> {
  const reviewer = reader?.user?.role === 'reviewer';
  const rows = await preparedQuery(
    manager,
    `SELECT p.id FROM projects p WHERE p.id = $1 AND p.deleted_at IS NULL
       ${reviewer ? ASSIGNED_REVIEWER : ''} ${forWrite ? 'FOR SHARE' : ''}`,
    reviewer ? [projectId, reader.user.id] : [projectId],
  );
  if (!rows.length) throw Problem.notFound('The project');
}
