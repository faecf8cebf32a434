import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadRoute } from '../common/routes/route.decorators';
import { ReviewAlertPage, ReviewAlertQuery } from './review-alerts.dto';
import { ReviewAlertsService } from './review-alerts.service';

@ApiTags('alerts')
@Controller('v1/alerts/reviews')
export class ReviewAlertsController {
  constructor(private readonly alerts: ReviewAlertsService) {}

  @ReadRoute(ReviewAlertPage, {
    summary: 'Reviews waiting too long, by project code',
    roles: ['admin', 'staff'],
    description:
      'Proposals under review (in their latest round) beyond the days of the assessment settings, and ' +
      'reviews still owed after their due date.',
  })
  list(@Query() query: ReviewAlertQuery): Promise<ReviewAlertPage> {
    return this.alerts.list(query);
  }
}
