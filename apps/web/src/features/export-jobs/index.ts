export { BackgroundExportStatus } from './BackgroundExportStatus';
export { exportFilters, useRequestExport } from './export-jobs';
