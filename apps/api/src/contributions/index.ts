export { ContributionsService } from './contributions.service';
export { CreateContributionRequest } from './contributions.dto';
