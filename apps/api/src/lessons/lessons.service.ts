import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { canReadLesson, describeLessonProblem, lessonProblems } from '@hstf/domain';
import type { LessonProblem } from '@hstf/domain';
import { AuditService } from '../audit';
import { changeVersioned, removeVersioned } from '../common/concurrency/versioned-update';
import { encodeCursor, limitOf } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { CreateLessonRequest, LessonDto, LessonPage, LessonQuery, UpdateLessonRequest } from './lessons.dto';
import { lessonColumns, LessonProjectRow, LessonsRepository, toLessonDto } from './lessons.repository';

const ENTITY = 'lesson';

function refusal(problems: LessonProblem[]): Problem {
  const first = problems[0]!;
  return new Problem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'lesson-refused',
    'The lesson cannot be recorded',
    problems.map(describeLessonProblem).join(' '),
    {
      code: first.code,
      facts: first.facts,
      problems,
      errors: problems.map((p) => ({
        field: p.code === 'lesson_country_not_recipient' ? 'countries' : 'projectId',
        message: describeLessonProblem(p),
      })),
    },
  );
}

/**
 * Lessons learned: written by staff from a closed project (or from a report), searchable, and read by
 * donors only when marked public; a lesson a reader may not see answers 404.
 */
@Injectable()
export class LessonsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: LessonsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, query: LessonQuery): Promise<LessonPage> {
    const limit = limitOf(query);
    const publicOnly = !canReadLesson(ctx.actor.role, false);
    const rows = await this.repository.list(query, limit, publicOnly);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      items: rows.slice(0, limit).map(toLessonDto),
      nextCursor: last ? encodeCursor([last.created_key, last.id]) : null,
    };
  }

  async get(ctx: RequestContext, id: string): Promise<LessonDto> {
    const row = await this.repository.find(this.dataSource, id);
    if (!row || row.deleted_at !== null || !canReadLesson(ctx.actor.role, row.public)) {
      throw Problem.notFound('The lesson');
    }
    return toLessonDto(row);
  }

  async create(ctx: RequestContext, request: CreateLessonRequest): Promise<LessonDto> {
    return this.dataSource.transaction(async (manager) => {
      const project = await this.project(manager, request.projectId);
      const reportId = request.reportId ?? null;
      const problems = lessonProblems({
        stage: project.stage,
        reportId,
        recipientCountries: project.countries,
        countries: request.countries ?? [],
      });
      if (problems.length) throw refusal(problems);
      const id = await this.repository.insert(manager, {
        projectId: project.id,
        reportId,
        writtenBy: ctx.user?.id ?? null,
        columns: lessonColumns(request),
      });
      const created = toLessonDto((await this.repository.find(manager, id))!);
      await this.audit.recordCreation(manager, ctx, ENTITY, created);
      return created;
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    request: UpdateLessonRequest,
  ): Promise<LessonDto> {
    return this.dataSource.transaction((manager) =>
      changeVersioned<{ version: number; project_id: string }, LessonDto>(manager, this.audit, ctx, {
        table: 'lessons',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        read: async () => toLessonDto((await this.repository.find(manager, id))!),
        decide: async (row) => {
          if (request.countries !== undefined) {
            const project = await this.project(manager, row.project_id);
            // Only the tags are re-checked: the lesson's source was judged when it was written.
            const outside = lessonProblems({
              stage: 'closed',
              reportId: null,
              recipientCountries: project.countries,
              countries: request.countries,
            });
            if (outside.length) throw refusal(outside);
          }
          return { set: lessonColumns(request) };
        },
      }),
    );
  }

  remove(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    return this.dataSource.transaction((manager) =>
      removeVersioned<{ version: number }, LessonDto>(manager, this.audit, ctx, {
        table: 'lessons',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        read: async () => toLessonDto((await this.repository.find(manager, id))!),
        remove: async () => {
          await manager.query(`DELETE FROM lessons WHERE id = $1`, [id]);
        },
      }),
    );
  }

  private async project(manager: EntityManager, projectId: string): Promise<LessonProjectRow> {
    const project = await this.repository.project(manager, projectId);
    if (!project) throw Problem.validation([{ field: 'projectId', message: 'is not a known project' }]);
    return project;
  }
}
