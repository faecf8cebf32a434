import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import {
  ChangeRoute,
  CreateRoute,
  ReadRoute,
  RemoveRoute,
  UuidParam,
} from '../common/routes/route.decorators';
import {
  CreatePlannedTrancheRequest,
  PlannedTrancheDto,
  PlannedTranchePage,
  PlannedTrancheQuery,
  UpdatePlannedTrancheRequest,
} from './tranches.dto';
import { TranchesService } from './tranches.service';

@ApiTags('tranches')
@Controller('v1')
export class TranchesController {
  constructor(private readonly tranches: TranchesService) {}

  @ReadRoute(PlannedTranchePage, {
    path: 'projects/:projectId/tranches',
    summary: "A project's planned tranche schedule, by planned date, each released, overdue or planned",
    roles: ['admin', 'staff', 'donor'],
  })
  list(
    @UuidParam('projectId') projectId: string,
    @Query() query: PlannedTrancheQuery,
  ): Promise<PlannedTranchePage> {
    return this.tranches.list(projectId, query);
  }

  @CreateRoute(PlannedTrancheDto, {
    path: 'projects/:projectId/tranches',
    summary:
      "Plan a tranche for a participating organization of an approved project (within the organization's share)",
    roles: ['admin', 'staff'],
  })
  create(
    @Ctx() ctx: RequestContext,
    @UuidParam('projectId') projectId: string,
    @Body() body: CreatePlannedTrancheRequest,
  ): Promise<PlannedTrancheDto> {
    return this.tranches.create(ctx, projectId, body);
  }

  @ReadRoute(PlannedTrancheDto, {
    path: 'tranches/:id',
    summary: 'One planned tranche',
    roles: ['admin', 'staff', 'donor'],
  })
  get(@UuidParam() id: string): Promise<PlannedTrancheDto> {
    return this.tranches.get(id);
  }

  @ChangeRoute(PlannedTrancheDto, {
    path: 'tranches/:id',
    summary: 'Change a planned tranche that is not released',
    roles: ['admin', 'staff'],
  })
  update(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdatePlannedTrancheRequest,
  ): Promise<PlannedTrancheDto> {
    return this.tranches.update(ctx, id, version, body);
  }

  @RemoveRoute({
    path: 'tranches/:id',
    summary: 'Remove a planned tranche that no transfer names',
    roles: ['admin', 'staff'],
  })
  remove(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.tranches.remove(ctx, id, version);
  }
}
