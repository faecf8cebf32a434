export { ConsentsService } from './consents.service';
export { CreateConsentRequest } from './consents.dto';
