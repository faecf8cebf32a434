import { Button, Popover, Skeleton, Stack, Text } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultPeriod, donorStatementHref } from '../lib/statement-href';

// The date picker's code (about 15 KB compressed) is fetched when the period is asked for: this
// feature's index also gives a project's page its fact sheet button, which needs no date.
const DateField = lazy(() => import('../../../components/DateField').then((m) => ({ default: m.DateField })));

/** "Download statement": the donor's statement (PDF) for a period, this year by default. */
export function DonorStatementButton({ donorId }: { donorId: string }) {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState(() => defaultPeriod(new Date().toISOString().slice(0, 10)));
  const invalid = !period.from || !period.to || period.from > period.to;
  return (
    <Popover position="bottom-end" withinPortal trapFocus shadow="md" width={300}>
      <Popover.Target>
        <Button variant="default" leftSection={<IconFileTypePdf size={16} aria-hidden="true" />}>
          {t('statements.donor.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('statements.donor.title')}
          </Text>
          <Suspense fallback={<Skeleton height={128} />}>
            <DateField
              label={t('statements.donor.from')}
              value={period.from}
              onChange={(from) => setPeriod((current) => ({ ...current, from }))}
              maxDate={period.to || undefined}
            />
            <DateField
              label={t('statements.donor.to')}
              value={period.to}
              onChange={(to) => setPeriod((current) => ({ ...current, to }))}
              minDate={period.from || undefined}
              error={invalid ? t('statements.donor.invalidPeriod') : undefined}
            />
          </Suspense>
          <Button
            component="a"
            href={invalid ? undefined : donorStatementHref(donorId, period.from, period.to, i18n.language)}
            download
            data-disabled={invalid || undefined}
            aria-disabled={invalid}
            onClick={(event) => {
              if (invalid) event.preventDefault();
            }}
          >
            {t('statements.donor.download')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
