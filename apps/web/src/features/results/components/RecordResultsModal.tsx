import { Alert, Modal, NumberInput, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { VulnerableGroup } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { showServerErrors } from '../../../lib/form';
import { useProblemText } from '../../../lib/use-problem-text';
import {
  useProjectResults,
  useRecordResults,
  useReportResults,
  type Indicator,
  type ProjectResults,
  type ReportResults,
} from '../api/results';
import { cellsOf } from '../lib/cells';

type Entry = number | string;

interface Values {
  peopleReached: Entry;
  groups: Record<string, Entry>;
  actuals: Record<string, { value: Entry; cells: Record<string, Entry> }>;
}

function indicatorsOf(results: ProjectResults): Indicator[] {
  return results.outcomes.flatMap((o) => [...o.indicators, ...o.outputs.flatMap((p) => p.indicators)]);
}

function valuesOf(results: ProjectResults, recorded: ReportResults): Values {
  const groups: Record<string, Entry> = {};
  for (const group of results.groups) groups[group.group] = '';
  for (const b of recorded.beneficiaries) groups[b.group] = b.reached;
  const actuals: Values['actuals'] = {};
  for (const indicator of indicatorsOf(results)) {
    const saved = recorded.actuals.find((a) => a.indicatorId === indicator.id);
    const cells: Record<string, Entry> = {};
    for (const cell of cellsOf(indicator)) {
      const found = saved?.breakdown?.find(
        (c) => (c.sex ?? null) === cell.sex && (c.ageGroup ?? null) === cell.ageGroup,
      );
      cells[cell.key] = found?.value ?? '';
    }
    actuals[indicator.id] = { value: saved?.value ?? '', cells };
  }
  return { peopleReached: recorded.peopleReached ?? '', groups, actuals };
}

/** What a report due or returned records: people reached, per vulnerable group, and each indicator's actual. */
export function RecordResultsModal({
  projectId,
  reportId,
  title,
  onClose,
}: {
  projectId: string;
  reportId: string;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const results = useProjectResults(projectId);
  const recorded = useReportResults(projectId, reportId);
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': t('results.cancel') }}
    >
      {results.data && recorded.data ? (
        <RecordResultsForm
          projectId={projectId}
          reportId={reportId}
          results={results.data}
          recorded={recorded.data}
          onDone={onClose}
        />
      ) : results.isError || recorded.isError ? (
        <Alert color="red" variant="light" role="alert">
          {t('results.error')}
        </Alert>
      ) : (
        <Skeleton height={200} />
      )}
    </Modal>
  );
}

function RecordResultsForm({
  projectId,
  reportId,
  results,
  recorded,
  onDone,
}: {
  projectId: string;
  reportId: string;
  results: ProjectResults;
  recorded: ReportResults;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const record = useRecordResults(projectId, reportId);
  const indicators = indicatorsOf(results);
  const form = useForm<Values>({ initialValues: valuesOf(results, recorded) });
  const values = form.getValues();
  const number = (entry: Entry) => (typeof entry === 'number' ? entry : null);

  const submit = (next: Values) => {
    const people = number(next.peopleReached);
    record.mutate(
      {
        version: recorded.version,
        peopleReached: people,
        beneficiaries: Object.entries(next.groups)
          .filter(([, reached]) => typeof reached === 'number')
          .map(([group, reached]) => ({ group: group as VulnerableGroup, reached: reached as number })),
        actuals: indicators
          .filter((indicator) => typeof next.actuals[indicator.id]?.value === 'number')
          .map((indicator) => {
            const entry = next.actuals[indicator.id]!;
            const breakdown = cellsOf(indicator)
              .filter((cell) => typeof entry.cells[cell.key] === 'number')
              .map((cell) => ({
                sex: cell.sex,
                ageGroup: cell.ageGroup,
                value: entry.cells[cell.key] as number,
              }));
            return { indicatorId: indicator.id, value: entry.value as number, breakdown };
          }),
      },
      { onSuccess: onDone, onError: (error) => showServerErrors(form, error) },
    );
  };

  return (
    <form noValidate onSubmit={form.onSubmit(submit)} aria-label={t('results.record.label')}>
      <Stack gap="md">
        <Title order={3} fz="md">
          {t('results.record.reach')}
        </Title>
        <NumberInput
          label={t('results.record.peopleReached')}
          description={t('results.record.peopleReachedHint')}
          min={0}
          allowDecimal={false}
          thousandSeparator=" "
          {...form.getInputProps('peopleReached')}
        />
        {Object.keys(values.groups).length ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {Object.keys(values.groups).map((group) => (
              <NumberInput
                key={group}
                label={t(`projects.groups.${group as VulnerableGroup}`)}
                min={0}
                allowDecimal={false}
                {...form.getInputProps(`groups.${group}`)}
              />
            ))}
          </SimpleGrid>
        ) : null}
        <Title order={3} fz="md">
          {t('results.record.indicators')}
        </Title>
        {indicators.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('results.framework.noIndicators')}
          </Text>
        ) : (
          indicators.map((indicator) => (
            <Stack key={indicator.id} gap={6}>
              <NumberInput
                label={`${indicator.name} (${indicator.unit})`}
                description={t('results.record.targetHint', {
                  target: indicator.target,
                  baseline: indicator.baseline,
                })}
                decimalScale={4}
                {...form.getInputProps(`actuals.${indicator.id}.value`)}
              />
              {cellsOf(indicator).length ? (
                <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                  {cellsOf(indicator).map((cell) => (
                    <NumberInput
                      key={cell.key}
                      size="xs"
                      label={[cell.sex ? t(`results.sexes.${cell.sex}`) : null, cell.ageGroup]
                        .filter(Boolean)
                        .join(' · ')}
                      decimalScale={4}
                      {...form.getInputProps(`actuals.${indicator.id}.cells.${cell.key}`)}
                    />
                  ))}
                </SimpleGrid>
              ) : null}
            </Stack>
          ))
        )}
        <FormModalFooter
          failure={record.isError ? { title: t('results.failed'), message: problemText(record.error) } : null}
          onCancel={onDone}
          cancelLabel={t('results.cancel')}
          submitLabel={t('results.save')}
          submitting={record.isPending}
        />
      </Stack>
    </form>
  );
}
