import { useTranslation } from 'react-i18next';
import type { Report } from '../api/reports';

/** "Progress report, year 2" or "Final narrative report", in the reader's language. */
export function useReportName(): (report: Pick<Report, 'kind' | 'sequence'>) => string {
  const { t } = useTranslation();
  return (report: Pick<Report, 'kind' | 'sequence'>) =>
    report.kind === 'progress'
      ? t('reports.kinds.progressYear', { year: report.sequence })
      : t(`reports.kinds.${report.kind}`);
}
