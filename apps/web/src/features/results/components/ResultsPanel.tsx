import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { UseMutationResult } from '@tanstack/react-query';
import { PRINCIPLE_IDS, type PrincipleId } from '@hstf/domain';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../../components/Badges';
import { ConfirmDeleteModal } from '../../../components/ConfirmDeleteModal';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { ErrorResult } from '../../../components/QueryStates';
import { showServerErrors } from '../../../lib/form';
import { useIntl } from '../../../lib/intl';
import { useProblemText } from '../../../lib/use-problem-text';
import {
  useCreateIndicator,
  useCreateOutcome,
  useCreateOutput,
  useProjectResults,
  useRemoveResultsRecord,
  type Indicator,
  type ResultsRecordKind,
  type ProjectResults,
} from '../api/results';
import { progressOf } from '../lib/progress';

/**
 * The project's results: people reached against those targeted (in all and per vulnerable group),
 * and each outcome's and output's indicators, target against the actual of the latest report
 * handed in. Staff add outcomes, outputs and indicators here; actuals are recorded with a report.
 */
export function ResultsPanel({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { integer } = useIntl();
  const results = useProjectResults(projectId);
  const [adding, setAdding] = useState<'outcome' | 'output' | 'indicator' | null>(null);

  if (results.isPending) return <Skeleton height={200} />;
  if (results.isError) {
    return <ErrorResult title={t('results.error')} onRetry={() => void results.refetch()} />;
  }
  const data = results.data;
  const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
  const columns = canEdit ? 7 : 6;

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="reach-heading">
        <Title order={2} fz="lg" id="reach-heading" mb="sm">
          {t('results.reach.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('results.reach.targeted')}
            </Text>
            <Text fz={24} fw={700}>
              {data.targetBeneficiaries === null ? '—' : integer(data.targetBeneficiaries)}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('results.reach.reached')}
            </Text>
            <Text fz={24} fw={700} data-testid="people-reached">
              {data.peopleReached === null ? '—' : integer(data.peopleReached)}
            </Text>
          </Stack>
        </SimpleGrid>
        {data.groups.length ? (
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('results.reach.group')}</Table.Th>
                  <Table.Th scope="col">{t('results.reach.targetedGroup')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'end' }}>
                    {t('results.reach.reachedGroup')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.groups.map((group) => (
                  <Table.Tr key={group.group}>
                    <Table.Th scope="row" fw={500}>
                      {t(`projects.groups.${group.group}`)}
                    </Table.Th>
                    <Table.Td>{group.targeted ? t('results.reach.targetedGroup') : '—'}</Table.Td>
                    <Table.Td style={{ textAlign: 'end' }}>
                      {group.reached === null ? '—' : integer(group.reached)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <Text size="xs" c="dimmed" mt="xs">
          {t('results.reach.hint')}
        </Text>
      </Paper>

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="framework-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="lg" id="framework-heading">
            {t('results.framework.title')}
          </Title>
          {canEdit ? (
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPlus size={14} aria-hidden="true" />}
                onClick={() => setAdding('outcome')}
              >
                {t('results.framework.addOutcome')}
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPlus size={14} aria-hidden="true" />}
                disabled={!data.outcomes.length}
                onClick={() => setAdding('output')}
              >
                {t('results.framework.addOutput')}
              </Button>
              <Button
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden="true" />}
                disabled={!data.outcomes.length}
                onClick={() => setAdding('indicator')}
              >
                {t('results.framework.addIndicator')}
              </Button>
            </Group>
          ) : null}
        </Group>
        {data.outcomes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('results.framework.none')}
          </Text>
        ) : (
          <Stack gap="lg">
            {data.outcomes.map((outcome, index) => (
              <Stack key={outcome.id} gap="xs">
                <Group gap="sm">
                  <Title order={3} fz="md">
                    {t('results.framework.outcome', { number: index + 1, title: outcome.title })}
                  </Title>
                  {outcome.principle ? (
                    <ToneBadge tone="indigo">{t(`projects.principles.${outcome.principle}`)}</ToneBadge>
                  ) : null}
                  {canEdit ? (
                    <RemoveRecord
                      projectId={projectId}
                      kind="outcome"
                      record={outcome}
                      name={outcome.title}
                    />
                  ) : null}
                </Group>
                <Table.ScrollContainer minWidth={720}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('results.columns.indicator')}</Table.Th>
                        <Table.Th scope="col">{t('results.columns.unit')}</Table.Th>
                        <Table.Th scope="col" style={{ textAlign: 'end' }}>
                          {t('results.columns.baseline')}
                        </Table.Th>
                        <Table.Th scope="col" style={{ textAlign: 'end' }}>
                          {t('results.columns.target')}
                        </Table.Th>
                        <Table.Th scope="col" style={{ textAlign: 'end' }}>
                          {t('results.columns.actual')}
                        </Table.Th>
                        <Table.Th scope="col">{t('results.columns.progress')}</Table.Th>
                        {canEdit ? (
                          <Table.Th scope="col">
                            <VisuallyHidden>{t('results.remove.column')}</VisuallyHidden>
                          </Table.Th>
                        ) : null}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {outcome.indicators.map((indicator) => (
                        <IndicatorRow
                          key={indicator.id}
                          projectId={projectId}
                          indicator={indicator}
                          percent={percent}
                          canEdit={canEdit}
                        />
                      ))}
                      {outcome.outputs.map((output, outputIndex) => (
                        <Fragment key={output.id}>
                          <Table.Tr>
                            <Table.Td colSpan={columns} bg="gray.0">
                              <Group gap="xs" wrap="nowrap">
                                <Text size="sm" fw={600}>
                                  {t('results.framework.output', {
                                    number: `${index + 1}.${outputIndex + 1}`,
                                    title: output.title,
                                  })}
                                </Text>
                                {canEdit ? (
                                  <RemoveRecord
                                    projectId={projectId}
                                    kind="output"
                                    record={output}
                                    name={output.title}
                                  />
                                ) : null}
                              </Group>
                            </Table.Td>
                          </Table.Tr>
                          {output.indicators.map((indicator) => (
                            <IndicatorRow
                              key={indicator.id}
                              projectId={projectId}
                              indicator={indicator}
                              percent={percent}
                              canEdit={canEdit}
                            />
                          ))}
                        </Fragment>
                      ))}
                      {outcome.indicators.length === 0 &&
                      outcome.outputs.every((o) => o.indicators.length === 0) ? (
                        <Table.Tr>
                          <Table.Td colSpan={columns}>
                            <Text size="sm" c="dimmed">
                              {t('results.framework.noIndicators')}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ) : null}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            ))}
          </Stack>
        )}
      </Paper>

      <Modal
        opened={adding !== null}
        onClose={() => setAdding(null)}
        title={adding ? t(`results.add.${adding}Title`) : ''}
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': t('results.cancel') }}
      >
        {adding === 'outcome' ? <OutcomeForm projectId={projectId} onDone={() => setAdding(null)} /> : null}
        {adding === 'output' ? (
          <OutputForm projectId={projectId} results={data} onDone={() => setAdding(null)} />
        ) : null}
        {adding === 'indicator' ? (
          <IndicatorForm projectId={projectId} results={data} onDone={() => setAdding(null)} />
        ) : null}
      </Modal>
    </Stack>
  );
}

function IndicatorRow({
  projectId,
  indicator,
  percent,
  canEdit,
}: {
  projectId: string;
  indicator: Indicator;
  percent: (share: number | null) => string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { decimal, calendarDate } = useIntl();
  const share = progressOf(indicator);
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {indicator.name}
        {indicator.breakdown.bySex || indicator.breakdown.ageGroups.length ? (
          <Text size="xs" c="dimmed">
            {t('results.breakdown', {
              parts: [
                ...(indicator.breakdown.bySex ? [t('results.bySex')] : []),
                ...(indicator.breakdown.ageGroups.length ? [indicator.breakdown.ageGroups.join(', ')] : []),
              ].join(' · '),
            })}
          </Text>
        ) : null}
      </Table.Th>
      <Table.Td>{indicator.unit}</Table.Td>
      <Table.Td style={{ textAlign: 'end' }}>{decimal(indicator.baseline)}</Table.Td>
      <Table.Td style={{ textAlign: 'end' }}>{decimal(indicator.target)}</Table.Td>
      <Table.Td style={{ textAlign: 'end' }}>
        {indicator.actual ? (
          <Stack gap={0} align="flex-end">
            <Text size="sm">{decimal(indicator.actual.value)}</Text>
            <Text size="xs" c="dimmed">
              {t('results.asOf', {
                date: calendarDate(indicator.actual.periodEnd),
                status: t(`reports.statuses.${indicator.actual.reportStatus}`),
              })}
            </Text>
          </Stack>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td miw={140}>
        {share === null ? (
          '—'
        ) : (
          <Stack gap={2}>
            <Progress value={share * 100} aria-hidden="true" />
            <Text size="xs">{percent(share)}</Text>
          </Stack>
        )}
      </Table.Td>
      {canEdit ? (
        <Table.Td>
          <RemoveRecord projectId={projectId} kind="indicator" record={indicator} name={indicator.name} />
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

/**
 * Deletes an outcome, an output or an indicator after a confirmation; the API's refusal (an indicator
 * an accepted report records, an outcome that still holds records) is shown in its words.
 */
function RemoveRecord({
  projectId,
  kind,
  record,
  name,
}: {
  projectId: string;
  kind: ResultsRecordKind;
  record: { id: string; version: number };
  name: string;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const remove = useRemoveResultsRecord(projectId);
  const [opened, setOpened] = useState(false);
  const close = () => {
    setOpened(false);
    remove.reset();
  };
  return (
    <>
      <ActionIcon
        variant="subtle"
        color="red.9"
        size="sm"
        aria-label={t(`results.remove.${kind}`, { name })}
        onClick={() => setOpened(true)}
      >
        <IconTrash size={14} aria-hidden="true" />
      </ActionIcon>
      <ConfirmDeleteModal
        opened={opened}
        title={t(`results.remove.${kind}`, { name })}
        body={t(`results.remove.${kind}Body`)}
        error={remove.isError ? problemText(remove.error) : null}
        pending={remove.isPending}
        onCancel={close}
        onConfirm={() =>
          remove.mutate({ kind, id: record.id, version: record.version }, { onSuccess: close })
        }
      />
    </>
  );
}

function OutcomeForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateOutcome(projectId);
  const form = useForm<{ title: string; principle: PrincipleId | null }>({
    initialValues: { title: '', principle: null },
    validate: { title: (value) => (value.trim() ? null : t('results.add.required')) },
  });
  return (
    <AddForm
      form={form}
      create={create}
      bodyOf={(values) => ({ title: values.title.trim(), principle: values.principle })}
      onDone={onDone}
      failureShown={Boolean(form.errors.title)}
    >
      <TextInput
        label={t('results.add.title')}
        withAsterisk
        maxLength={500}
        {...form.getInputProps('title')}
      />
      <Select
        label={t('results.add.principle')}
        description={t('results.add.principleHint')}
        clearable
        data={PRINCIPLE_IDS.map((id) => ({ value: id, label: t(`projects.principles.${id}`) }))}
        {...form.getInputProps('principle')}
      />
    </AddForm>
  );
}

function OutputForm({
  projectId,
  results,
  onDone,
}: {
  projectId: string;
  results: ProjectResults;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateOutput(projectId);
  const form = useForm<{ outcomeId: string; title: string }>({
    initialValues: { outcomeId: results.outcomes[0]?.id ?? '', title: '' },
    validate: {
      title: (value) => (value.trim() ? null : t('results.add.required')),
      outcomeId: (value) => (value ? null : t('results.add.required')),
    },
  });
  return (
    <AddForm
      form={form}
      create={create}
      bodyOf={(values) => ({ outcomeId: values.outcomeId, title: values.title.trim() })}
      onDone={onDone}
    >
      <Select
        label={t('results.add.outcome')}
        withAsterisk
        allowDeselect={false}
        data={results.outcomes.map((o) => ({ value: o.id, label: o.title }))}
        {...form.getInputProps('outcomeId')}
      />
      <TextInput
        label={t('results.add.title')}
        withAsterisk
        maxLength={500}
        {...form.getInputProps('title')}
      />
    </AddForm>
  );
}

interface IndicatorValues {
  parent: string;
  name: string;
  unit: string;
  baseline: number | string;
  target: number | string;
  bySex: boolean;
  ageGroups: string[];
}

function IndicatorForm({
  projectId,
  results,
  onDone,
}: {
  projectId: string;
  results: ProjectResults;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateIndicator(projectId);
  const parents = results.outcomes.flatMap((outcome) => [
    { value: `outcome:${outcome.id}`, label: outcome.title },
    ...outcome.outputs.map((output) => ({ value: `output:${output.id}`, label: `— ${output.title}` })),
  ]);
  const form = useForm<IndicatorValues>({
    initialValues: {
      parent: parents[0]?.value ?? '',
      name: '',
      unit: '',
      baseline: 0,
      target: '',
      bySex: false,
      ageGroups: [],
    },
    validate: {
      parent: (value) => (value ? null : t('results.add.required')),
      name: (value) => (value.trim() ? null : t('results.add.required')),
      unit: (value) => (value.trim() ? null : t('results.add.required')),
      target: (value) => (typeof value === 'number' ? null : t('results.add.required')),
    },
  });
  return (
    <AddForm
      form={form}
      create={create}
      bodyOf={(values) => {
        const [kind, id] = values.parent.split(':') as ['outcome' | 'output', string];
        return {
          ...(kind === 'outcome' ? { outcomeId: id } : { outputId: id }),
          name: values.name.trim(),
          unit: values.unit.trim(),
          baseline: typeof values.baseline === 'number' ? values.baseline : 0,
          target: Number(values.target),
          breakdown: { bySex: values.bySex, ageGroups: values.ageGroups },
        };
      }}
      onDone={onDone}
    >
      <Select
        label={t('results.add.parent')}
        withAsterisk
        allowDeselect={false}
        data={parents}
        {...form.getInputProps('parent')}
      />
      <TextInput label={t('results.add.name')} withAsterisk maxLength={500} {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('results.columns.unit')}
          withAsterisk
          maxLength={50}
          {...form.getInputProps('unit')}
        />
        <NumberInput
          label={t('results.columns.baseline')}
          decimalScale={4}
          {...form.getInputProps('baseline')}
        />
        <NumberInput
          label={t('results.columns.target')}
          withAsterisk
          decimalScale={4}
          {...form.getInputProps('target')}
        />
      </SimpleGrid>
      <Checkbox label={t('results.add.bySex')} {...form.getInputProps('bySex', { type: 'checkbox' })} />
      <TagsInput
        label={t('results.add.ageGroups')}
        description={t('results.add.ageGroupsHint')}
        maxTags={10}
        {...form.getInputProps('ageGroups')}
      />
    </AddForm>
  );
}

/** A form adding one record of the results framework: its fields, then the refusal and the buttons. */
function AddForm<Values extends object, Body, Saved>({
  form,
  create,
  bodyOf,
  onDone,
  failureShown = false,
  children,
}: {
  form: UseFormReturnType<Values>;
  create: UseMutationResult<Saved, Error, Body>;
  bodyOf: (values: Values) => Body;
  onDone: () => void;
  /** A refusal a field already says, so no alert repeats it. */
  failureShown?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        create.mutate(bodyOf(values), {
          onSuccess: onDone,
          onError: (error) => showServerErrors(form, error),
        }),
      )}
    >
      <Stack gap="sm">
        {children}
        <FormModalFooter
          failure={
            create.isError && !failureShown
              ? { title: t('results.failed'), message: problemText(create.error) }
              : null
          }
          onCancel={onDone}
          cancelLabel={t('results.cancel')}
          submitLabel={t('results.save')}
          submitting={create.isPending}
        />
      </Stack>
    </form>
  );
}
