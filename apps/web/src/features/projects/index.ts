// What other features use: the project's query options and the API's types the panels of a
// project's page (compliance, consents, alignments, lifecycle, transfers) show.
export { projectQueryOptions } from './api/get-project';
export type {
  Alignment,
  Consent,
  CreateAlignmentBody,
  CreateConsentBody,
  NationalStrategy,
  Project,
  ProjectCompliance,
  Transfer,
  Transition,
  TransitionFailure,
  TransitionOptions,
  UpdateAlignmentBody,
  UpdateConsentBody,
} from './api/types';
