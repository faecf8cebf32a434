import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import {
  ChangeRoute,
  CreateRoute,
  ReadRoute,
  RemoveRoute,
  UuidParam,
} from '../common/routes/route.decorators';
import { CreateLessonRequest, LessonDto, LessonPage, LessonQuery, UpdateLessonRequest } from './lessons.dto';
import { LessonsService } from './lessons.service';

@ApiTags('lessons')
@Controller('v1/lessons')
export class LessonsController {
  constructor(private readonly lessons: LessonsService) {}

  @ReadRoute(LessonPage, {
    summary: 'Lessons learned, newest first: searched by words and filtered by tag',
    roles: ['admin', 'staff', 'donor'],
    description: 'Donors receive only the lessons marked public',
  })
  list(@Ctx() ctx: RequestContext, @Query() query: LessonQuery): Promise<LessonPage> {
    return this.lessons.list(ctx, query);
  }

  @ReadRoute(LessonDto, {
    path: ':id',
    summary: 'One lesson learned',
    roles: ['admin', 'staff', 'donor'],
    description: 'A lesson not marked public answers 404 to donors',
  })
  get(@Ctx() ctx: RequestContext, @UuidParam() id: string): Promise<LessonDto> {
    return this.lessons.get(ctx, id);
  }

  @CreateRoute(LessonDto, {
    summary: 'Record a lesson learned from a closed project or a report',
    roles: ['admin', 'staff'],
  })
  @ApiUnprocessableEntityResponse({
    description:
      'The project is not closed (and no report is named), or a country is not among its recipients',
  })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateLessonRequest): Promise<LessonDto> {
    return this.lessons.create(ctx, body);
  }

  @ChangeRoute(LessonDto, {
    summary: 'Change a lesson learned, or share it with donors',
    roles: ['admin', 'staff'],
  })
  update(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateLessonRequest,
  ): Promise<LessonDto> {
    return this.lessons.update(ctx, id, version, body);
  }

  @RemoveRoute({ summary: 'Delete a lesson learned', roles: ['admin', 'staff'], description: 'Deleted' })
  remove(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.lessons.remove(ctx, id, version);
  }
}
