import { Controller, Get, Module, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../src/common/access/access.decorators';
import { sendJsonText } from '../../src/common/json/json-text';
import { createTestApp, TestApp } from '../support/test-app';

class ProbeDto {
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ enum: ['open', 'closed'] }) state: 'open' | 'closed';
}

/** Routes that answer other than they declare, as a mistake in a DTO or in SQL would. */
@Controller('v1/contract-probe')
class ContractProbeController {
  @Get('kept')
  @Public()
  @ApiOperation({ summary: 'Answers as declared' })
  @ApiOkResponse({ type: ProbeDto })
  kept(): ProbeDto {
    return { count: 3, state: 'open' };
  }

  @Get('object')
  @Public()
  @ApiOperation({ summary: 'Answers a wrong object' })
  @ApiOkResponse({ type: ProbeDto })
  object(): unknown {
    return { count: '3', state: 'open', extra: true };
  }

  @Get('text')
  @Public()
  @ApiOperation({ summary: 'Answers wrong JSON text, as the routes built in SQL send it' })
  @ApiOkResponse({ type: ProbeDto })
  text(@Res({ passthrough: true }) reply: FastifyReply): string {
    return sendJsonText(reply, '{"count":3,"state":"archived"}');
  }
}

@Module({ controllers: [ContractProbeController] })
class ContractProbeModule {}

describe('the response contract of the test client', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({}, undefined, { imports: [ContractProbeModule] });
  });
  afterAll(() => t.close());

  it('lets an answer that keeps the OpenAPI document through', async () => {
    await expect(t.http().get('/api/v1/contract-probe/kept').expect(200)).resolves.toMatchObject({
      body: { count: 3, state: 'open' },
    });
  });

  it('fails a request whose answer has the wrong types or undeclared properties, naming route and status', async () => {
    const failure = await t
      .http()
      .get('/api/v1/contract-probe/object')
      .then(
        () => null,
        (error: Error) => error.message,
      );
    expect(failure).toContain('GET /api/v1/contract-probe/object answered 200 (application/json)');
    expect(failure).toContain('/count must be integer');
    expect(failure).toContain('has "extra", which the document does not declare');
  });

  it('fails a request whose answer, sent as JSON text, breaks the declared enum', async () => {
    await expect(t.http().get('/api/v1/contract-probe/text')).rejects.toThrow(
      /GET \/api\/v1\/contract-probe\/text answered 200[\s\S]*\/state must be equal to one of the allowed values/,
    );
  });
});
