import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access/access.decorators';
import { IatiService } from './iati.service';
import { XML_MEDIA_TYPE } from './iati-xml';

const XML_ANSWER = { schema: { type: 'string' } } as const;

/** The Fund's IATI 2.03 files: public, like every fund's IATI publication (docs/iati.md). */
@ApiTags('iati')
@Controller('v1/iati')
export class IatiController {
  constructor(private readonly iati: IatiService) {}

  @Get('activities.xml')
  @Public()
  @ApiOperation({
    summary: 'Every project from approval on as an IATI 2.03 activity (public, no sign-in)',
  })
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'An iati-activities file', content: { 'application/xml': XML_ANSWER } })
  activities(): StreamableFile {
    return new StreamableFile(this.iati.activities(), {
      type: XML_MEDIA_TYPE,
      disposition: 'inline; filename="activities.xml"',
    });
  }

  @Get('organisation.xml')
  @Public()
  @Header('Content-Type', XML_MEDIA_TYPE)
  @Header('Content-Disposition', 'inline; filename="organisation.xml"')
  @ApiOperation({
    summary: 'The Fund as an IATI 2.03 organisation: its total budget and expenditure by year (public)',
  })
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'An iati-organisations file', content: { 'application/xml': XML_ANSWER } })
  organisation(): Promise<string> {
    return this.iati.organisation();
  }
}
