import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { roundChangeOnTransition } from '@hstf/domain';
import type { Stage } from '@hstf/domain';
import type { ReviewRoundDto } from './assessment.dto';
import { roundsOf, toRoundDto } from './review-rows';
import { ReviewsRepository } from './reviews.repository';

/**
 * The review rounds of a proposal follow its lifecycle (libs/domain roundChangeOnTransition): the
 * lifecycle calls this inside the transaction of the transition, whose audit entry records the change.
 */
@Injectable()
export class ReviewRoundsService {
  constructor(private readonly repository: ReviewsRepository) {}

  /** Closes or opens the round the transition ends or starts; the round changed, or null. */
  async onTransition(
    manager: EntityManager,
    projectId: string,
    from: Stage,
    to: Stage,
  ): Promise<ReviewRoundDto | null> {
    const rows = await this.repository.rounds(manager, projectId, true);
    const change = roundChangeOnTransition(from, to, roundsOf(rows));
    if (change.close !== null) {
      return toRoundDto(await this.repository.closeRound(manager, projectId, change.close), change.close);
    }
    if (change.open !== null) {
      return toRoundDto(await this.repository.openRound(manager, projectId, change.open), change.open);
    }
    return null;
  }
}
