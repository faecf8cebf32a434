import { Anchor, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { exportFileHref, isPending, useExportJobs } from './export-jobs';

/**
 * The reader's latest export prepared in the background: its state while it is written, then a
 * link to the file (or why it failed).
 */
export function BackgroundExportStatus() {
  const { t } = useTranslation();
  const jobs = useExportJobs();
  const job = jobs.data?.items[0];
  if (!job) return null;
  return (
    <Group gap="xs" role="status" aria-live="polite">
      {isPending(job) ? <Loader size="xs" aria-hidden="true" /> : null}
      {job.state === 'done' ? (
        <Anchor href={exportFileHref(job)} download>
          {t('exportJobs.download', { rows: job.rows ?? 0 })}
        </Anchor>
      ) : (
        <Text size="sm" c={job.state === 'failed' ? 'red' : 'dimmed'}>
          {t(`exportJobs.state.${job.state}`)}
          {job.state === 'failed' && job.error ? `: ${job.error}` : ''}
        </Text>
      )}
    </Group>
  );
}
