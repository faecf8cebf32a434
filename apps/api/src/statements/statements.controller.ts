import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated } from '../common/access/access.decorators';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { UuidParam } from '../common/routes/route.decorators';
import { DonorStatementQuery, StatementLanguageQuery } from './statements.dto';
import { type PdfFile, statementLanguage, StatementsService } from './statements.service';

const PDF_ANSWER = {
  description: 'A PDF document',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
} as const;

function pdf(reply: FastifyReply, file: PdfFile): StreamableFile {
  reply.header('Content-Language', file.language);
  return new StreamableFile(file.content, {
    type: 'application/pdf',
    disposition: `attachment; filename="${file.name}"`,
    length: file.content.length,
  });
}

/** Printable statements: a donor's statement for a period, a project's fact sheet (PDF). */
@ApiTags('statements')
@Controller('v1')
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @Get('donors/:id/statement.pdf')
  @Authenticated('admin', 'staff', 'donor')
  @ApiOperation({
    summary:
      "A donor's statement for a period (PDF): pledges, receipts with their rates, exchange differences, what its money funded",
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF_ANSWER)
  @ApiBadRequestResponse({ description: 'A date is not a calendar date, or from is after to' })
  @ApiNotFoundResponse({ description: "No such donor, or another donor's (for a donor's users)" })
  async donorStatement(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @Query() query: DonorStatementQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const language = statementLanguage(request, query.lang);
    return pdf(reply, await this.statements.donorStatement(ctx, id, query, language));
  }

  @Get('projects/:id/factsheet.pdf')
  @Authenticated('admin', 'staff', 'donor')
  @ApiOperation({
    summary:
      "A project's fact sheet (PDF): summary, countries, budget and transfers, paragraph 6, principles scorecard, results",
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF_ANSWER)
  @ApiNotFoundResponse({ description: 'No such project' })
  async factSheet(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @Query() query: StatementLanguageQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const language = statementLanguage(request, query.lang);
    return pdf(reply, await this.statements.factSheet(ctx, id, language));
  }
}
