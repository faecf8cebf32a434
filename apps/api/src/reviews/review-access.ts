import { HttpStatus } from '@nestjs/common';
import { describeReviewRefusal, seesOtherReviews } from '@hstf/domain';
import type { ReviewRefusal, ReviewStatus } from '@hstf/domain';
import type { EntityManager } from 'typeorm';
import { Problem } from '../common/problem-details/problem';
import type { RequestContext } from '../common/request-context/request-context';
import type { Stage } from '../projects';
import type { ReviewsRepository } from './reviews.repository';

export function seesAllReviews(ctx: RequestContext): boolean {
  return ctx.user?.role === 'admin' || ctx.user?.role === 'staff';
}

/**
 * The project, if the caller may see its reviews: staff and admins always; a reviewer only once
 * their own review of it is submitted (blind review). Anything else is 404, so that a reviewer
 * learns nothing, not even whether other reviews exist. Writers hold the project row FOR SHARE.
 */
export async function projectWithReviewsFor(
  reviews: ReviewsRepository,
  manager: EntityManager,
  ctx: RequestContext,
  projectId: string,
  forWrite = false,
): Promise<{ id: string; code: string; title: string; stage: Stage }> {
  const project = await reviews.projectWithOwnReview(manager, projectId, ctx.user?.id ?? null, forWrite);
  assertSeesReviews(ctx, project);
  const { own: _own, ...rest } = project;
  return rest;
}

/**
 * 404 unless the project exists and the caller may see its reviews; `own` is the status of the
 * caller's own review of the latest round (null: none).
 */
export function assertSeesReviews<P extends { own: ReviewStatus | null }>(
  ctx: RequestContext,
  project: P | undefined,
): asserts project is P {
  if (!project) throw Problem.notFound('The project');
  if (!seesAllReviews(ctx) && !seesOtherReviews(project.own)) throw Problem.notFound('The project');
}

/** A review action the rules refuse: 422 with the reason as a code, its facts and in words. */
export function refused(refusal: ReviewRefusal): Problem {
  return new Problem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    `review-${refusal.code.replace(/_/g, '-')}`,
    'Review action refused',
    describeReviewRefusal(refusal),
    { code: refusal.code, facts: refusal.facts },
  );
}
