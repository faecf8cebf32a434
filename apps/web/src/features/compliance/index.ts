export { complianceQueryOptions, useCompliance } from './api/compliance';
