export { ConsentsService } from './consents.service';
export { CreateConsentRequest, UpdateConsentRequest } from './consents.dto';
