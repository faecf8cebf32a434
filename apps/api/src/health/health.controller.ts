import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../common/access/access.decorators';
import { Problem } from '../common/problem-details/problem';
import { DATABASE_RETRY_AFTER_SECONDS } from '../common/problem-details/problem-details.filter';

export class HealthDto {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status: 'ok';
  @ApiProperty({ enum: ['up'], example: 'up' }) database: 'up';
}

const CHECK_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 200 while PostgreSQL answers, 503 while it does not; the pool reconnects by itself. */
  @Get()
  @ApiOperation({ summary: 'Whether the API and its database answer (503 while the database is down)' })
  @Public()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    reply.header('Cache-Control', 'no-store');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return { status: 'ok', database: 'up' };
    } catch {
      throw new Problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        'unavailable',
        'Service unavailable',
        'The database does not answer.',
        { database: 'down', retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
