export { ContributionsService } from './contributions.service';
export { CreateContributionRequest, UpdateContributionRequest } from './contributions.dto';
