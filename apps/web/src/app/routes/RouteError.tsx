import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../components/ErrorResult';

/** Shown when a screen fails to load (typically a chunk lost after a new release): a reload fixes it. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Box p="xl" maw={640} mx="auto" component="main">
      <ErrorResult title={t('common.screenFailed')} onRetry={() => window.location.reload()} />
    </Box>
  );
}
