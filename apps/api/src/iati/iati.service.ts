import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FUND_NAME, IatiPublisher } from './iati-activity';
import { IatiRepository } from './iati.repository';
import { iatiActivitiesXml, iatiOrganisationXml } from './iati-xml';

@Injectable()
export class IatiService {
  private readonly publisher: IatiPublisher;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repository: IatiRepository,
  ) {
    this.publisher = { organisationId: config.iatiOrganisationId, name: FUND_NAME };
  }

  activities(): Readable {
    return iatiActivitiesXml(this.repository.activities(), this.publisher, new Date());
  }

  async organisation(): Promise<string> {
    const [years, illustrative] = await Promise.all([
      this.repository.years(),
      this.repository.anyIllustrative(),
    ]);
    return iatiOrganisationXml(years, this.publisher, new Date(), illustrative);
  }
}
