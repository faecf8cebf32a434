import { Modal, SegmentedControl, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { organizationCaps, parseMoney, toCents } from '@hstf/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { MoneyInput } from '../../../components/MoneyInput';
import { detailOf } from '../../../lib/problem-members';
import { showServerErrors } from '../../../lib/form';
import { useIntl } from '../../../lib/intl';
import type { Project } from '../../projects';
import { useRequestRevision, type Revision } from '../api/revisions';
import { PROBLEM_FIELDS, revisionProblemsOf, useRevisionProblemText } from '../lib/problem-text';

type Kind = 'budget' | 'extension';

interface Values {
  kind: Kind;
  approvedBudget: string;
  shares: Record<string, string>;
  endDate: string;
  justification: string;
}

const amountOf = (value: string): string | null => {
  const reading = parseMoney(value.trim());
  return reading.ok ? reading.amount : null;
};

interface RevisionRequestModalProps {
  project: Project;
  opened: boolean;
  onClose: () => void;
  onSaved: (revision: Revision) => void;
}

export function RevisionRequestModal({ project, opened, onClose, onSaved }: RevisionRequestModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('revisions.request.title', { code: project.code })}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
    >
      {opened ? <RevisionRequestForm project={project} onCancel={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

/**
 * A budget revision (the approved budget and each organization's share of the requested budget, with
 * each one's part of the revised budget shown as it is typed) or a no-cost extension (a later end
 * date). Either waits for another staff member's decision.
 */
function RevisionRequestForm({
  project,
  onCancel,
  onSaved,
}: {
  project: Project;
  onCancel: () => void;
  onSaved: (revision: Revision) => void;
}) {
  const { t } = useTranslation();
  const { money, calendarDate } = useIntl();
  const request = useRequestRevision(project.id);
  const say = useRevisionProblemText(project);
  const [others, setOthers] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: {
      kind: 'budget',
      approvedBudget: project.approvedBudget ?? '',
      shares: Object.fromEntries(project.organizations.map((o) => [o.organizationId, o.budgetShare])),
      endDate: '',
      justification: '',
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (!values.justification.trim()) errors.justification = t('revisions.request.justificationRequired');
      if (values.kind === 'extension') {
        if (!values.endDate) errors.endDate = t('revisions.request.endDateRequired');
        else if (project.endDate && values.endDate === project.endDate) {
          errors.endDate = t('revisions.request.endDateSame', { date: calendarDate(project.endDate) });
        } else if (project.startDate && values.endDate <= project.startDate) {
          errors.endDate = t('revisions.request.endDateAfterStart', {
            date: calendarDate(project.startDate),
          });
        }
        return errors;
      }
      if (!amountOf(values.approvedBudget)) errors.approvedBudget = t('revisions.request.amountInvalid');
      const shares = Object.values(values.shares).map(amountOf);
      if (shares.some((s) => s === null)) errors.shares = t('revisions.request.amountInvalid');
      else {
        const total = shares.reduce((sum, s) => sum + toCents(s!), 0n);
        if (total !== toCents(project.requestedBudget)) {
          errors.shares = t('revisions.request.sharesSum', { total: money(project.requestedBudget) });
        }
      }
      return errors;
    },
  });
  const values = form.getValues();
  const budget = amountOf(values.approvedBudget);
  const shares = project.organizations.map((o) => ({
    organizationId: o.organizationId,
    budgetShare: amountOf(values.shares[o.organizationId] ?? '') ?? '0.00',
  }));
  const parts = budget ? organizationCaps(budget, shares) : {};
  const current = project.approvedBudget
    ? organizationCaps(project.approvedBudget, project.organizations)
    : {};

  const submit = (next: Values) => {
    setOthers([]);
    const body =
      next.kind === 'budget'
        ? {
            kind: 'budget' as const,
            justification: next.justification.trim(),
            approvedBudget: amountOf(next.approvedBudget)!,
            shares: shares,
          }
        : { kind: 'extension' as const, justification: next.justification.trim(), endDate: next.endDate };
    request.mutate(body, {
      onSuccess: onSaved,
      onError: (error) => {
        const problems = revisionProblemsOf(error);
        if (!problems.length) {
          setOthers(showServerErrors(form, error));
          return;
        }
        // The rules' refusals in the reader's language, on the field each is about.
        const fields: Record<string, string> = {};
        const rest: string[] = [];
        for (const problem of problems) {
          const field = PROBLEM_FIELDS[problem.code];
          if (field) fields[field] ??= say(problem);
          else rest.push(say(problem));
        }
        form.setErrors(fields);
        setOthers(rest);
      },
    });
  };

  const detail = request.error ? detailOf(request.error) : null;
  const failure =
    request.error && (others.length || (detail && !Object.keys(form.errors).length))
      ? { title: t('revisions.request.refused'), message: others.length ? others.join(' ') : detail }
      : null;

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('revisions.request.label')}>
      <Stack gap="md">
        <SegmentedControl
          fullWidth
          aria-label={t('revisions.request.kind')}
          data={[
            { value: 'budget', label: t('revisions.kinds.budget') },
            { value: 'extension', label: t('revisions.kinds.extension') },
          ]}
          {...form.getInputProps('kind')}
        />
        {values.kind === 'budget' ? (
          <>
            <MoneyInput
              label={t('revisions.request.approvedBudget')}
              description={t('revisions.request.approvedBudgetHint', {
                amount: project.approvedBudget ? money(project.approvedBudget) : '—',
              })}
              withAsterisk
              value={values.approvedBudget}
              onChange={(value) => form.setFieldValue('approvedBudget', value)}
              error={form.errors.approvedBudget}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('revisions.request.shares')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('revisions.request.sharesHint', { total: money(project.requestedBudget) })}
              </Text>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('revisions.request.organization')}</Table.Th>
                    <Table.Th>{t('revisions.request.share')}</Table.Th>
                    <Table.Th ta="end">{t('revisions.request.part')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {project.organizations.map((o) => (
                    <Table.Tr key={o.organizationId}>
                      <Table.Td>{o.acronym ?? o.name}</Table.Td>
                      <Table.Td>
                        <MoneyInput
                          aria-label={t('revisions.request.shareOf', { name: o.acronym ?? o.name })}
                          value={values.shares[o.organizationId] ?? ''}
                          onChange={(value) => form.setFieldValue(`shares.${o.organizationId}`, value)}
                        />
                      </Table.Td>
                      <Table.Td ta="end" dir="ltr">
                        <Text size="sm">
                          {parts[o.organizationId] ? money(parts[o.organizationId]!) : '—'}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('revisions.request.now', { amount: money(current[o.organizationId] ?? '0.00') })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {form.errors.shares ? (
                <Text size="xs" c="red.8" role="alert">
                  {form.errors.shares}
                </Text>
              ) : null}
            </Stack>
          </>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Text size="sm" mt={{ base: 0, sm: 28 }}>
              {t('revisions.request.currentEnd', {
                date: project.endDate ? calendarDate(project.endDate) : '—',
              })}
            </Text>
            <DateField
              label={t('revisions.request.endDate')}
              description={t('revisions.request.endDateHint')}
              withAsterisk
              value={values.endDate}
              minDate={project.startDate ?? undefined}
              onChange={(value) => form.setFieldValue('endDate', value)}
              error={form.errors.endDate}
            />
          </SimpleGrid>
        )}
        <Textarea
          label={t('revisions.request.justification')}
          description={t('revisions.request.justificationHint')}
          withAsterisk
          autosize
          minRows={3}
          {...form.getInputProps('justification')}
        />
        <FormModalFooter
          failure={failure}
          onCancel={onCancel}
          submitLabel={t('revisions.request.submit')}
          submitting={request.isPending}
        />
      </Stack>
    </form>
  );
}
