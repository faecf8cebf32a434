import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlignments, useNationalStrategies, useSaveAlignment } from '../api/alignments';
import type { Alignment, NationalStrategy, Project } from '../../projects';
import { useProjectFormat } from '../../../lib/project-format';
import { fieldErrorsOf, staleVersionOf } from '../../../lib/problem-members';
import { ALERT_STYLES, OK_TEXT, WARN_TEXT } from '../../../lib/colors';
import { useProblemText } from '../../../lib/use-problem-text';

interface AlignmentDialogProps {
  project: Project;
  country: string;
  alignment: Alignment | null;
  onClose: () => void;
}

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
  const [strategyId, setStrategyId] = useState(alignment?.strategyId ?? '');
  const [priorityArea, setPriorityArea] = useState(alignment?.priorityArea ?? '');
  const [justification, setJustification] = useState(alignment?.justification ?? '');
  const [submitted, setSubmitted] = useState(false);
  const serverErrors = fieldErrorsOf(save.error);
  const stale = staleVersionOf(save.error) !== null;
  const strategy = strategies.data?.find((item) => item.id === strategyId) ?? null;
  const name = format.country(country);
  const coverage = strategy ? covers(strategy, project.startDate) : null;

  const submit = () => {
    setSubmitted(true);
    if (!strategyId || !justification.trim()) return;
    const fields = { strategyId, priorityArea: priorityArea || null, justification: justification.trim() };
    if (!alignment) {
      save.mutate({ kind: 'create', body: { countryIso3: country, ...fields } }, { onSuccess: onClose });
    } else {
      const latest = alignments.data?.find((item) => item.id === alignment.id) ?? alignment;
      save.mutate(
        { kind: 'update', alignmentId: alignment.id, body: { ...fields, version: latest.version } },
        { onSuccess: onClose },
      );
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': t('projects.actions.close') }}
      title={
        <Text fw={700}>
          {alignment
            ? t('projects.alignment.edit', { country: name })
            : t('projects.alignment.add', { country: name })}
        </Text>
      }
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <NativeSelect
            label={t('projects.alignment.strategy')}
            description={t('projects.alignment.strategyHint', { country: name })}
            required
            value={strategyId}
            onChange={(event) => {
              setStrategyId(event.currentTarget.value);
              setPriorityArea('');
            }}
            disabled={strategies.isPending}
            error={
              submitted && !strategyId
                ? t('projects.form.errors.required')
                : (serverErrors['strategyId'] ??
                  (strategies.isError ? t('projects.alignment.strategiesFailed') : undefined))
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
            onChange={(event) => setPriorityArea(event.currentTarget.value)}
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
            onChange={(event) => setJustification(event.currentTarget.value)}
            error={
              submitted && !justification.trim()
                ? t('projects.form.errors.required')
                : serverErrors['justification']
            }
          />
          {stale ? (
            <Alert
              color="orange"
              variant="light"
              title={t('projects.stale.title')}
              role="alert"
              styles={ALERT_STYLES}
            >
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('projects.alignment.stale')}</Text>
                <Button
                  size="xs"
                  variant="default"
                  loading={alignments.isFetching}
                  onClick={() => void alignments.refetch().then(() => save.reset())}
                >
                  {t('projects.stale.reload')}
                </Button>
              </Stack>
            </Alert>
          ) : save.isError && Object.keys(serverErrors).length === 0 ? (
            <Alert
              color="red"
              variant="light"
              title={t('projects.alignment.failed')}
              role="alert"
              styles={ALERT_STYLES}
            >
              {problemText(save.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('projects.actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={stale}>
              {t('projects.actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
