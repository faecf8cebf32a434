// Kept to what other folders use: the router imports this file eagerly, and the build's chunks
// follow the files an index re-exports.
export { complianceQueryOptions } from './api/compliance';
export { projectQueryOptions } from './api/get-project';
