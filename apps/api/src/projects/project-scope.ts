import type { EntityManager } from 'typeorm';
import { Problem } from '../common/problem-details/problem';
import type { RequestContext } from '../common/request-context/request-context';
import { projectInScope } from './projects.repository';

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
  const reviewerId = reader?.user?.role === 'reviewer' ? reader.user.id : null;
  if (!(await projectInScope(manager, projectId, forWrite, reviewerId)))
    throw Problem.notFound('The project');
}
