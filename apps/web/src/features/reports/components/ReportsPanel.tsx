import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { reportCarriesResults } from '@hstf/domain';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../../components/Badges';
import { ListTable } from '../../../components/data-table/ListTable';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { ErrorResult } from '../../../components/QueryStates';
import type { Tone } from '../../../components/tones';
import { useCurrentUser } from '../../../lib/auth';
import { showServerErrors } from '../../../lib/form';
import { useIntl } from '../../../lib/intl';
import { ApiError } from '../../../lib/problem';
import { useProblemText } from '../../../lib/use-problem-text';
import { DocumentsButton } from '../../documents';
import { RecordResultsModal } from '../../results';
import { useProjectReports, useReviewReport, useSubmitReport, type Report } from '../api/reports';
import { useReportName } from '../lib/report-name';

const STATUS_TONES: Record<Report['status'], Tone> = {
  due: 'slate',
  submitted: 'blue',
  accepted: 'green',
  returned: 'amber',
};

const REPORT_PROBLEMS = ['four-eyes', 'report-not-open', 'report-not-submitted', 'stale-version'] as const;

/** The refusals of the reports API in the reader's language; others as the project screens say them. */
function useReportProblemText() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (error: unknown) => {
    const slug = error instanceof ApiError ? error.problem?.type?.split('/').pop() : undefined;
    const known = REPORT_PROBLEMS.find((candidate) => candidate === slug);
    return known ? t(`reports.problems.${known}`) : problemText(error);
  };
}

export function ReportStatusBadge({ report }: { report: Pick<Report, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <ToneBadge tone={STATUS_TONES[report.status]}>{t(`reports.statuses.${report.status}`)}</ToneBadge>
      {report.overdue ? <ToneBadge tone="red">{t('reports.overdue')}</ToneBadge> : null}
    </Group>
  );
}

/**
 * The reports a project owes once approved: the schedule laid out from its dates, each report's
 * status, and the moves open to staff (hand in, record results, accept or return). Whoever handed a
 * report in does not review it: four eyes, as the API holds.
 */
export function ReportsPanel({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { calendarDate, dateTime } = useIntl();
  const name = useReportName();
  const { data: user } = useCurrentUser();
  const reports = useProjectReports(projectId);
  const [submitting, setSubmitting] = useState<Report | null>(null);
  const [reviewing, setReviewing] = useState<Report | null>(null);
  const [recording, setRecording] = useState<Report | null>(null);
  const columns = useMemo<ColumnDef<Report>[]>(
    () => [
      {
        id: 'report',
        header: t('reports.columns.report'),
        accessorFn: (report) => name(report),
        meta: { rowHeader: true },
        cell: ({ row: { original: report } }) => (
          <>
            {name(report)}
            {report.documents.length ? (
              <Text size="xs" c="dimmed">
                {report.documents.map((d) => `${d.title} (${d.reference})`).join(' · ')}
              </Text>
            ) : null}
            {report.comments ? (
              <Text size="xs" c="amber.9" mt={4}>
                {t('reports.comments', { comments: report.comments })}
              </Text>
            ) : null}
          </>
        ),
      },
      {
        id: 'period',
        header: t('reports.columns.period'),
        accessorFn: (report) => report.periodStart,
        cell: ({ row: { original: report } }) =>
          `${calendarDate(report.periodStart)} – ${calendarDate(report.periodEnd)}`,
      },
      {
        id: 'due',
        header: t('reports.columns.due'),
        accessorFn: (report) => report.dueOn,
        meta: { nowrap: true },
        cell: ({ row }) => calendarDate(row.original.dueOn),
      },
      {
        id: 'status',
        header: t('reports.columns.status'),
        accessorFn: (report) => t(`reports.statuses.${report.status}`),
        cell: ({ row }) => <ReportStatusBadge report={row.original} />,
      },
      {
        id: 'submitted',
        header: t('reports.columns.submitted'),
        accessorFn: (report) => report.submittedAt ?? undefined,
        cell: ({ row: { original: report } }) =>
          report.submittedAt ? (
            <Text size="sm">
              {report.submittedByName} · {dateTime(report.submittedAt)}
            </Text>
          ) : (
            '—'
          ),
      },
      {
        id: 'reviewer',
        header: t('reports.columns.reviewer'),
        accessorFn: (report) => report.reviewedByName ?? undefined,
        cell: ({ row }) => row.original.reviewedByName ?? '—',
      },
      ...(canEdit
        ? [
            {
              id: 'actions',
              header: t('reports.columns.actions'),
              meta: { hideable: false },
              cell: ({ row: { original: report } }) => {
                const open = report.status === 'due' || report.status === 'returned';
                const own = report.submittedById !== null && report.submittedById === user?.id;
                return (
                  <Group gap="xs" wrap="nowrap">
                    {open && reportCarriesResults(report.kind) ? (
                      <Button size="xs" variant="default" onClick={() => setRecording(report)}>
                        {t('reports.actions.results')}
                      </Button>
                    ) : null}
                    {open ? (
                      <Button size="xs" onClick={() => setSubmitting(report)}>
                        {t('reports.actions.submit')}
                      </Button>
                    ) : null}
                    {report.status === 'submitted' && !own ? (
                      <Button size="xs" onClick={() => setReviewing(report)}>
                        {t('reports.actions.review')}
                      </Button>
                    ) : null}
                    {report.status === 'submitted' && own ? (
                      <Text size="xs" c="dimmed">
                        {t('reports.fourEyes')}
                      </Text>
                    ) : null}
                    <DocumentsButton
                      record={{ projectId, recordKind: 'report', recordId: report.id }}
                      canEdit={canEdit}
                      label={name(report)}
                    />
                  </Group>
                );
              },
            } satisfies ColumnDef<Report>,
          ]
        : []),
    ],
    [t, name, calendarDate, dateTime, canEdit, user?.id, projectId],
  );

  if (reports.isPending) return <Skeleton height={160} />;
  if (reports.isError) {
    return <ErrorResult title={t('reports.error')} onRetry={() => void reports.refetch()} />;
  }

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="reports-heading">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="reports-heading">
          {t('reports.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reports.intro')}
        </Text>
        {reports.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('reports.none')}
          </Text>
        ) : (
          <ListTable
            listId="reports"
            cards
            label={t('reports.title')}
            columns={columns}
            data={reports.data}
            getRowId={(report) => report.id}
            clientSort={{ id: 'due', descending: false }}
            count={{ shown: reports.data.length, hasMore: false }}
            minWidth={860}
          />
        )}
      </Stack>
      <ReportModal
        report={submitting}
        title={(report) => t('reports.submit.title', { report: name(report) })}
        onClose={() => setSubmitting(null)}
      >
        {(report, onDone) => <SubmitReportForm projectId={projectId} report={report} onDone={onDone} />}
      </ReportModal>
      <ReportModal
        report={reviewing}
        title={(report) => t('reports.review.title', { report: name(report) })}
        onClose={() => setReviewing(null)}
      >
        {(report, onDone) => <ReviewReportForm projectId={projectId} report={report} onDone={onDone} />}
      </ReportModal>
      {recording ? (
        <RecordResultsModal
          projectId={projectId}
          reportId={recording.id}
          title={t('reports.results.title', { report: name(recording) })}
          onClose={() => setRecording(null)}
        />
      ) : null}
    </Paper>
  );
}

/** The dialog of one move on a report (hand in, accept or return), open while a report is chosen. */
function ReportModal({
  report,
  title,
  onClose,
  children,
}: {
  report: Report | null;
  title: (report: Report) => string;
  onClose: () => void;
  children: (report: Report, onDone: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={report !== null}
      onClose={onClose}
      title={report ? title(report) : ''}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('reports.cancel') }}
    >
      {report ? children(report, onClose) : null}
    </Modal>
  );
}

interface DocumentsValues {
  documents: { title: string; reference: string }[];
}

function SubmitReportForm({
  projectId,
  report,
  onDone,
}: {
  projectId: string;
  report: Report;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const problemText = useReportProblemText();
  const submit = useSubmitReport(projectId);
  const [others, setOthers] = useState<string[]>([]);
  const form = useForm<DocumentsValues>({
    initialValues: {
      documents: report.documents.length ? report.documents : [{ title: '', reference: '' }],
    },
    validate: {
      documents: {
        title: (value) => (value.trim() ? null : t('reports.submit.titleRequired')),
        reference: (value) => (value.trim() ? null : t('reports.submit.referenceRequired')),
      },
    },
  });
  const documents = form.getValues().documents;
  return (
    <form
      noValidate
      aria-label={t('reports.submit.label')}
      onSubmit={form.onSubmit((values) => {
        setOthers([]);
        submit.mutate(
          {
            report,
            documents: values.documents.map((d) => ({
              title: d.title.trim(),
              reference: d.reference.trim(),
            })),
          },
          { onSuccess: onDone, onError: (error) => setOthers(showServerErrors(form, error)) },
        );
      })}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('reports.submit.hint')}
        </Text>
        {documents.map((_, index) => (
          <Group key={index} align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              style={{ flex: 2 }}
              label={t('reports.submit.documentTitle')}
              withAsterisk
              maxLength={300}
              {...form.getInputProps(`documents.${index}.title`)}
            />
            <TextInput
              style={{ flex: 2 }}
              label={t('reports.submit.reference')}
              withAsterisk
              maxLength={500}
              dir="ltr"
              {...form.getInputProps(`documents.${index}.reference`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              disabled={documents.length === 1}
              aria-label={t('reports.submit.remove', { index: index + 1 })}
              onClick={() => form.removeListItem('documents', index)}
            >
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            disabled={documents.length >= 20}
            onClick={() => form.insertListItem('documents', { title: '', reference: '' })}
          >
            {t('reports.submit.add')}
          </Button>
        </Group>
        <FormModalFooter
          failure={
            submit.isError
              ? {
                  title: t('reports.failed'),
                  message: others.length ? others.join(' ') : problemText(submit.error),
                }
              : null
          }
          onCancel={onDone}
          cancelLabel={t('reports.cancel')}
          submitLabel={t('reports.actions.submit')}
          submitting={submit.isPending}
        />
      </Stack>
    </form>
  );
}

interface ReviewValues {
  outcome: 'accepted' | 'returned';
  comments: string;
}

function ReviewReportForm({
  projectId,
  report,
  onDone,
}: {
  projectId: string;
  report: Report;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const problemText = useReportProblemText();
  const review = useReviewReport(projectId);
  const form = useForm<ReviewValues>({
    initialValues: { outcome: 'accepted', comments: '' },
    validate: {
      comments: (value, values) =>
        values.outcome === 'returned' && !value.trim() ? t('reports.review.commentsRequired') : null,
    },
  });
  const values = form.getValues();
  return (
    <form
      noValidate
      aria-label={t('reports.review.label')}
      onSubmit={form.onSubmit((next) =>
        review.mutate(
          { report, outcome: next.outcome, comments: next.comments.trim() || null },
          { onSuccess: onDone, onError: (error) => showServerErrors(form, error) },
        ),
      )}
    >
      <Stack gap="sm">
        <Text size="sm">{t('reports.review.submittedBy', { name: report.submittedByName ?? '—' })}</Text>
        <SegmentedControl
          aria-label={t('reports.review.outcome')}
          data={[
            { value: 'accepted', label: t('reports.review.accept') },
            { value: 'returned', label: t('reports.review.return') },
          ]}
          {...form.getInputProps('outcome')}
        />
        <Textarea
          label={t('reports.review.comments')}
          description={t('reports.review.commentsHint')}
          withAsterisk={values.outcome === 'returned'}
          autosize
          minRows={3}
          maxLength={4000}
          {...form.getInputProps('comments')}
        />
        <FormModalFooter
          failure={
            review.isError && !form.errors.comments
              ? { title: t('reports.failed'), message: problemText(review.error) }
              : null
          }
          onCancel={onDone}
          cancelLabel={t('reports.cancel')}
          submitLabel={
            values.outcome === 'accepted' ? t('reports.review.accept') : t('reports.review.return')
          }
          submitting={review.isPending}
        />
      </Stack>
    </form>
  );
}
