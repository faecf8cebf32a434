import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { acceptedLanguage } from '../common/http/accepted-language';
import { Problem } from '../common/problem-details/problem';
import type { RequestContext } from '../common/request-context/request-context';
import { ComplianceService, todayUtc } from '../compliance';
import { donorStatementPdf, factSheetPdf } from './statement-documents';
import { STATEMENT_LANGUAGES, type StatementLanguage } from './statement-words';
import type { DonorStatementQuery } from './statements.dto';
import { StatementsRepository } from './statements.repository';

export interface PdfFile {
  name: string;
  language: StatementLanguage;
  content: Buffer;
}

@Injectable()
export class StatementsService {
  constructor(
    private readonly repository: StatementsRepository,
    private readonly compliance: ComplianceService,
  ) {}

  /** A donor's users read their own donor's statement only: any other donor is 404, as unknown. */
  async donorStatement(
    ctx: RequestContext,
    donorId: string,
    query: DonorStatementQuery,
    language: StatementLanguage,
  ): Promise<PdfFile> {
    const user = ctx.actor;
    if (user.role === 'donor' && user.donorId !== donorId) throw Problem.notFound('The donor');
    const today = todayUtc();
    const to = query.to ?? today;
    const from = query.from ?? `${to.slice(0, 4)}-01-01`;
    if (from > to) throw Problem.validation([{ field: 'from', message: 'must not be after to' }]);
    const donor = await this.repository.donor(donorId);
    if (!donor) throw Problem.notFound('The donor');
    const data = await this.repository.donorStatement(donor, from, to);
    return {
      name: `statement-${from}-${to}.pdf`,
      language,
      content: await donorStatementPdf(data, { from, to }, language, today),
    };
  }

  async factSheet(ctx: RequestContext, projectId: string, language: StatementLanguage): Promise<PdfFile> {
    const project = await this.repository.factSheet(projectId);
    if (!project) throw Problem.notFound('The project');
    const paragraph6 = await this.compliance.forProject(ctx, projectId);
    const content = await factSheetPdf(
      project,
      {
        on: paragraph6.on,
        status: paragraph6.status,
        countries: paragraph6.countries.map((c) => ({
          iso3: c.country,
          name: c.countryName,
          status: c.status,
        })),
      },
      language,
      todayUtc(),
    );
    return { name: `${project.code}-fact-sheet.pdf`, language, content };
  }
}

/** The reader's language: `lang` (a link cannot set Accept-Language), else Accept-Language, else English. */
export function statementLanguage(
  request: FastifyRequest,
  asked: StatementLanguage | undefined,
): StatementLanguage {
  if (asked) return asked;
  return acceptedLanguage(request, STATEMENT_LANGUAGES) ?? 'en';
}
