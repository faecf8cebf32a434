import { NativeSelect, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useAlignments, useNationalStrategies, useSaveAlignment } from '../api/alignments';
import type { Alignment, NationalStrategy, Project } from '../../projects';
import { FormDialog } from '../../../components/FormDialog';
import { staleAlertFor } from '../../../components/stale-alert';
import { useStaleMerge } from '../../../lib/form';
import { notifySaved } from '../../../lib/notify';
import { useProjectFormat } from '../../../lib/project-format';
import { fieldErrorsOf } from '../../../lib/problem-members';
import { OK_TEXT, WARN_TEXT } from '../../../lib/colors';
import { useProblemText } from '../../../lib/use-problem-text';

interface AlignmentDialogProps {
  project: Project;
  country: string;
  alignment: Alignment | null;
  onClose: () => void;
}

interface AlignmentValues {
  strategyId: string;
  priorityArea: string;
  justification: string;
}

function valuesOf(alignment: Alignment | null): AlignmentValues {
  return {
    strategyId: alignment?.strategyId ?? '',
    priorityArea: alignment?.priorityArea ?? '',
    justification: alignment?.justification ?? '',
  };
}

const FIELD_LABEL = {
  strategyId: 'projects.alignment.strategy',
  priorityArea: 'projects.alignment.priorityArea',
  justification: 'projects.alignment.justification',
} as const;

function covers(strategy: NationalStrategy, start: string | null): boolean | null {
  if (!start) return null;
  return strategy.periodFrom <= start && (!strategy.periodTo || strategy.periodTo >= start);
}

/**
 * The "in line with national strategies and priorities" half of paragraph 6: a strategy of the
 * country, one of its priority areas, and why the project is in line with it.
 */
export function AlignmentDialog({ project, country, alignment, onClose }: AlignmentDialogProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const strategies = useNationalStrategies(country);
  const alignments = useAlignments(project.id);
  const save = useSaveAlignment(project.id);
  const problemText = useProblemText();
  const form = useForm<AlignmentValues>({
    initialValues: valuesOf(alignment),
    validate: {
      strategyId: (value) => (value ? null : t('projects.form.errors.required')),
      justification: (value) => (value.trim() ? null : t('projects.form.errors.required')),
    },
  });
  const { strategyId, priorityArea, justification } = form.getValues();
  const stale = useStaleMerge(form, alignment, valuesOf);
  const serverErrors = fieldErrorsOf(save.error);
  const strategy = strategies.data?.find((item) => item.id === strategyId) ?? null;
  const name = format.country(country);
  const coverage = strategy ? covers(strategy, project.startDate) : null;

  const submit = (values: AlignmentValues) => {
    const fields = {
      strategyId: values.strategyId,
      priorityArea: values.priorityArea || null,
      justification: values.justification.trim(),
    };
    const onSuccess = () => {
      notifySaved(t('saved.alignment'));
      onClose();
    };
    const base = stale.base;
    if (!alignment || !base) {
      save.mutate({ kind: 'create', body: { countryIso3: country, ...fields } }, { onSuccess });
      return;
    }
    stale.clear();
    save.mutate(
      { kind: 'update', alignmentId: alignment.id, body: { ...fields, version: base.version } },
      {
        onSuccess,
        onError: (error) =>
          void stale.refused(error, () =>
            alignments.refetch().then(({ data }) => data?.find((item) => item.id === alignment.id)),
          ),
      },
    );
  };

  return (
    <FormDialog
      size="lg"
      onClose={onClose}
      closeLabel={t('projects.actions.close')}
      title={
        alignment
          ? t('projects.alignment.edit', { country: name })
          : t('projects.alignment.add', { country: name })
      }
      onSubmit={form.onSubmit(submit)}
      footer={{
        staleAlert: staleAlertFor(
          stale,
          save,
          (field) => t('stale.change', { field: t(FIELD_LABEL[field]) }),
          {
            title: t('projects.stale.title'),
            body: t('projects.alignment.stale'),
            noChanges: t('stale.noChanges'),
          },
        ),
        failure:
          save.isError && Object.keys(serverErrors).length === 0
            ? { title: t('projects.alignment.failed'), message: problemText(save.error) }
            : null,
        cancelLabel: t('projects.actions.cancel'),
        submitLabel: t('projects.actions.save'),
        submitting: save.isPending,
      }}
    >
      <NativeSelect
        label={t('projects.alignment.strategy')}
        description={t('projects.alignment.strategyHint', { country: name })}
        required
        value={strategyId}
        onChange={(event) => form.setValues({ strategyId: event.currentTarget.value, priorityArea: '' })}
        disabled={strategies.isPending}
        error={
          form.errors['strategyId'] ??
          serverErrors['strategyId'] ??
          (strategies.isError ? t('projects.alignment.strategiesFailed') : undefined)
        }
      >
        <option value="">
          {strategies.isPending
            ? t('common.loading')
            : strategies.data?.length
              ? t('projects.alignment.chooseStrategy')
              : t('projects.alignment.noStrategies')}
        </option>
        {strategies.data?.map((item) => (
          <option key={item.id} value={item.id}>
            {`${item.title} (${format.date(item.periodFrom)} – ${item.periodTo ? format.date(item.periodTo) : t('projects.paragraph6.openEnded')})`}
          </option>
        ))}
      </NativeSelect>
      {strategy && coverage !== null ? (
        <Text size="sm" c={coverage ? OK_TEXT : WARN_TEXT} role="status">
          {coverage
            ? t('projects.alignment.coversStart', { date: format.date(project.startDate) })
            : t('projects.alignment.missesStart', { date: format.date(project.startDate) })}
        </Text>
      ) : null}
      <NativeSelect
        label={t('projects.alignment.priorityArea')}
        value={priorityArea}
        onChange={(event) => form.setFieldValue('priorityArea', event.currentTarget.value)}
        disabled={!strategy || strategy.priorityAreas.length === 0}
        error={serverErrors['priorityArea']}
      >
        <option value="">{t('projects.alignment.noPriorityArea')}</option>
        {strategy?.priorityAreas.map((area) => (
          <option key={area} value={area}>
            {area}
          </option>
        ))}
      </NativeSelect>
      <Textarea
        dir="auto"
        label={t('projects.alignment.justification')}
        description={t('projects.alignment.justificationHint')}
        required
        autosize
        minRows={3}
        maxLength={10000}
        value={justification}
        onChange={(event) => form.setFieldValue('justification', event.currentTarget.value)}
        error={form.errors['justification'] ?? serverErrors['justification']}
      />
    </FormDialog>
  );
}
