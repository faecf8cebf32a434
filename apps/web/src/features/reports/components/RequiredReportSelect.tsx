import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProjectReports } from '../api/reports';
import { useReportName } from '../lib/report-name';

interface RequiredReportSelectProps {
  projectId: string;
  value: string;
  onChange: (reportId: string) => void;
  error?: string;
}

/**
 * The report a tranche waits for: the project's reports with their status, since the API sends the
 * transfer only once the chosen report is accepted and says so when it is not.
 */
export function RequiredReportSelect({ projectId, value, onChange, error }: RequiredReportSelectProps) {
  const { t } = useTranslation();
  const name = useReportName();
  const reports = useProjectReports(projectId);
  return (
    <NativeSelect
      mt="md"
      label={t('reports.condition.label')}
      description={t('reports.condition.hint')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    >
      <option value="">{t('reports.condition.none')}</option>
      {(reports.data ?? []).map((report) => (
        <option key={report.id} value={report.id}>
          {t('reports.condition.option', {
            report: name(report),
            status: t(`reports.statuses.${report.status}`),
          })}
        </option>
      ))}
    </NativeSelect>
  );
}
