import {
  Alert,
  Anchor,
  Blockquote,
  Button,
  Card,
  Divider,
  Group,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import type { ComplianceStatus } from '@hstf/domain';
import {
  IconCircleCheck,
  IconCircleX,
  IconFileCertificate,
  IconPencil,
  IconPlus,
  IconQuote,
  IconTarget,
  IconTrash,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../components/QueryStates';
import { useAlignments, useSaveAlignment } from '../../alignments';
import { useCompliance } from '../../compliance';
import { useConsents } from '../../consents';
import type {
  Alignment,
  AlignmentEvaluation,
  Consent,
  ConsentEvaluation,
  CountryCompliance,
  Project,
  ProjectCompliance,
} from '../api/types';
import { useProjectFormat } from '../../../lib/project-format';
import { useReasonText } from '../../../lib/reasons';
import { AlignmentDialog } from '../../alignments';
import { ComplianceBadge, ConsentStatusBadge } from '../../../components/Badges';
import { ConsentDialog } from '../../consents';
import { DocumentsButton } from '../../documents';
import { ExportMenu } from '../../../components/ExportMenu';
import { ALERT_STYLES, OK_TEXT, BAD_TEXT, WARN_TEXT } from '../../../lib/colors';
import { useProblemText } from '../../../lib/use-problem-text';

interface Paragraph6PanelProps {
  project: Project;
  /** Staff and admin record consents and alignments; everyone else reads the status. */
  canEdit: boolean;
}

type Editing =
  | { kind: 'consent'; country: string; consent: Consent | null }
  | { kind: 'alignment'; country: string; alignment: Alignment | null };

/**
 * Resolution 66/290 paragraph 6 for each recipient country: the consent of the State and the
 * alignment with its national strategies, the status they give, and why.
 */
export function Paragraph6Panel({ project, canEdit }: Paragraph6PanelProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const reasons = useReasonText();
  const compliance = useCompliance(project.id);
  const consents = useConsents(project.id, canEdit);
  const alignments = useAlignments(project.id, canEdit);
  const [editing, setEditing] = useState<Editing | null>(null);

  if (compliance.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={120} radius="md" />
        <Skeleton height={220} radius="md" />
      </Stack>
    );
  }
  if (compliance.isError) {
    return <ErrorResult title={t('projects.paragraph6.error')} onRetry={() => void compliance.refetch()} />;
  }
  const data = compliance.data;

  return (
    <Stack gap="lg" data-testid="paragraph6-panel">
      <Paper
        withBorder
        radius="md"
        p="lg"
        style={{ borderInlineStart: '6px solid var(--mantine-color-unBlue-7)' }}
      >
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" gap="sm">
            <Stack gap={2}>
              <Title order={2} fz="lg">
                {t('projects.paragraph6.title')}
              </Title>
              <Text size="sm" c="dimmed" data-basis={data.basis}>
                {t(JUDGED[data.basis], { date: format.date(data.on) })}
              </Text>
            </Stack>
            <Group gap="sm">
              <OverallStatus status={data.status} />
              <ExportMenu path={`/api/v1/projects/${project.id}/consents`} />
            </Group>
          </Group>
          <Blockquote
            color="unBlue"
            icon={<IconQuote size={18} aria-hidden="true" />}
            iconSize={32}
            p="md"
            mt="xs"
            cite={`— ${t('projects.paragraph6.cite')}`}
            styles={{ cite: { color: 'var(--mantine-color-gray-8)', fontStyle: 'normal', opacity: 1 } }}
          >
            <Text fs="italic">{t('projects.paragraph6.quote')}</Text>
          </Blockquote>
          <Text size="sm">{t('projects.paragraph6.rule')}</Text>
          {data.reasons.length > 0 ? <ReasonList items={data.reasons.map(reasons.complianceReason)} /> : null}
          {data.history.length > 0 ? <LaterHistory compliance={data} /> : null}
        </Stack>
      </Paper>

      {data.countries.length === 0 ? (
        <Alert
          color="orange"
          variant="light"
          title={t('projects.paragraph6.noCountries')}
          styles={ALERT_STYLES}
        >
          {t('projects.paragraph6.noCountriesBody')}
        </Alert>
      ) : null}

      {data.countries.map((country) => (
        <CountryCard
          key={country.country}
          country={country}
          canEdit={canEdit}
          consent={consents.data?.find((record) => record.countryIso3 === country.country) ?? null}
          alignments={alignments.data?.filter((record) => record.countryIso3 === country.country) ?? []}
          editorsReady={!canEdit || (consents.isSuccess && alignments.isSuccess)}
          onEdit={setEditing}
          projectId={project.id}
        />
      ))}

      <Paragraph3Card screening={data.paragraph3} />

      {editing?.kind === 'consent' ? (
        <ConsentDialog
          projectId={project.id}
          country={editing.country}
          consent={editing.consent}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'alignment' ? (
        <AlignmentDialog
          project={project}
          country={editing.country}
          alignment={editing.alignment}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}

/** Which sentence says the date: completed and closed projects stand as at their approval, and so on. */
const JUDGED = {
  asked: 'projects.paragraph6.judgedOn',
  today: 'projects.paragraph6.judgedOn',
  approval: 'projects.paragraph6.judgedAtApproval',
  last_decision: 'projects.paragraph6.judgedAtDecision',
} as const satisfies Record<ProjectCompliance['basis'], string>;

/** What was lost after the date judged: history beside the status, not a failure of it. */
function LaterHistory({ compliance }: { compliance: ProjectCompliance }) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const names = new Map(compliance.countries.map((c) => [c.country, c.countryName]));
  return (
    <Stack gap={4} data-testid="paragraph6-history">
      <Text size="sm" fw={600}>
        {t('projects.paragraph6.history.title')}
      </Text>
      <ReasonList
        items={compliance.history.map((loss) => {
          const country = format.country(loss.country, names.get(loss.country) ?? loss.country);
          return loss.lostOn && loss.kind !== 'changed'
            ? t(`projects.paragraph6.history.${loss.kind}`, { country, date: format.date(loss.lostOn) })
            : t('projects.paragraph6.history.changed', { country });
        })}
      />
    </Stack>
  );
}

function OverallStatus({ status }: { status: ComplianceStatus }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="flex-end" data-testid="paragraph6-overall">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {t('projects.paragraph6.overall')}
      </Text>
      <ComplianceBadge status={status} size="lg" />
    </Stack>
  );
}

function ReasonList({ items }: { items: string[] }) {
  return (
    <List size="sm" spacing={4} withPadding>
      {items.map((item, index) => (
        <List.Item key={index}>{item}</List.Item>
      ))}
    </List>
  );
}

interface CountryCardProps {
  projectId: string;
  country: CountryCompliance;
  consent: Consent | null;
  alignments: Alignment[];
  canEdit: boolean;
  editorsReady: boolean;
  onEdit: (editing: Editing) => void;
}

function CountryCard({
  projectId,
  country,
  consent,
  alignments,
  canEdit,
  editorsReady,
  onEdit,
}: CountryCardProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const reasons = useReasonText();
  const name = format.country(country.country, country.countryName);
  const headingId = `p6-${country.country}`;

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby={headingId}
      data-country={country.country}
    >
      <Group justify="space-between" align="center" mb="sm" gap="sm">
        <Title order={3} fz="md" id={headingId}>
          {name}
        </Title>
        <ComplianceBadge status={country.status} />
      </Group>
      {country.reasons.length > 0 ? (
        <Alert
          color={country.status === 'pending' ? 'yellow' : 'red'}
          variant="light"
          p="sm"
          mb="md"
          styles={ALERT_STYLES}
        >
          <Text size="sm" fw={600} mb={4}>
            {t('projects.paragraph6.why', { country: name })}
          </Text>
          <ReasonList items={country.reasons.map(reasons.complianceReason)} />
        </Alert>
      ) : (
        <Text size="sm" c={OK_TEXT} mb="md">
          {t('projects.paragraph6.countryCompliant', { country: name })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <RequirementColumn
          icon={<IconFileCertificate size={18} />}
          title={t('projects.paragraph6.consent')}
          none={country.consent.records.length === 0 ? t('projects.paragraph6.noConsent') : null}
        >
          {country.consent.records.map((record) => (
            <ConsentRecord key={record.recordId} record={record} />
          ))}
          {canEdit ? (
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              disabled={!editorsReady}
              leftSection={
                consent ? (
                  <IconPencil size={14} aria-hidden="true" />
                ) : (
                  <IconPlus size={14} aria-hidden="true" />
                )
              }
              onClick={() => onEdit({ kind: 'consent', country: country.country, consent })}
            >
              {consent
                ? t('projects.consent.change', { country: name })
                : t('projects.consent.record', { country: name })}
            </Button>
          ) : null}
          {canEdit && consent ? (
            <DocumentsButton
              record={{ projectId, recordKind: 'consent', recordId: consent.id }}
              canEdit
              label={t('documents.consentOf', { country: name })}
            />
          ) : null}
        </RequirementColumn>
        <RequirementColumn
          icon={<IconTarget size={18} />}
          color="teal"
          title={t('projects.paragraph6.alignment')}
          none={country.alignment.records.length === 0 ? t('projects.paragraph6.noAlignment') : null}
        >
          {country.alignment.records.map((record) => (
            <AlignmentRecord
              key={record.alignmentId}
              projectId={projectId}
              record={record}
              alignment={alignments.find((item) => item.id === record.alignmentId) ?? null}
              canEdit={canEdit}
              onEdit={(alignment) => onEdit({ kind: 'alignment', country: country.country, alignment })}
            />
          ))}
          {canEdit ? (
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              disabled={!editorsReady}
              leftSection={<IconPlus size={14} aria-hidden="true" />}
              onClick={() => onEdit({ kind: 'alignment', country: country.country, alignment: null })}
            >
              {t('projects.alignment.add', { country: name })}
            </Button>
          ) : null}
        </RequirementColumn>
      </SimpleGrid>
    </Card>
  );
}

/** One half of paragraph 6 for a country (its consent, or its alignment): the records, then what may be done. */
function RequirementColumn({
  icon,
  color,
  title,
  none,
  children,
}: {
  icon: ReactNode;
  color?: string;
  title: string;
  /** Said in place of the records when there are none. */
  none: string | null;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <ThemeIcon variant="light" size="md" radius="md" color={color} aria-hidden="true">
          {icon}
        </ThemeIcon>
        <Title order={4} fz="sm">
          {title}
        </Title>
      </Group>
      {none ? (
        <Text size="sm" c="dimmed">
          {none}
        </Text>
      ) : null}
      {children}
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="xs" c="dimmed" miw={120}>
        {label}
      </Text>
      <Text size="sm" dir="auto">
        {value}
      </Text>
    </Group>
  );
}

function Counts({ counts, problems }: { counts: boolean; problems: string[] }) {
  const { t } = useTranslation();
  return counts ? (
    <Group gap={6}>
      <IconCircleCheck size={16} color="var(--mantine-color-green-8)" aria-hidden="true" />
      <Text size="sm" c={OK_TEXT}>
        {t('projects.paragraph6.counts')}
      </Text>
    </Group>
  ) : (
    <Stack gap={2}>
      <Group gap={6}>
        <IconCircleX size={16} color="var(--mantine-color-red-8)" aria-hidden="true" />
        <Text size="sm" c={BAD_TEXT}>
          {t('projects.paragraph6.doesNotCount')}
        </Text>
      </Group>
      <ReasonList items={problems} />
    </Stack>
  );
}

function ConsentRecord({ record }: { record: ConsentEvaluation }) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const reasons = useReasonText();
  return (
    <Paper withBorder radius="sm" p="sm" bg="gray.0">
      <Stack gap={6}>
        <Group gap="xs">
          <ConsentStatusBadge status={record.status} />
        </Group>
        <Fact
          label={t('projects.consent.fields.requestedOn')}
          value={record.requestedOn ? format.date(record.requestedOn) : null}
        />
        <Fact
          label={t('projects.consent.fields.grantedOn')}
          value={record.grantedOn ? format.date(record.grantedOn) : null}
        />
        <Fact
          label={t('projects.consent.fields.validUntil')}
          value={record.validUntil ? format.date(record.validUntil) : null}
        />
        <Fact
          label={t('projects.consent.fields.withdrawnOn')}
          value={record.withdrawnOn ? format.date(record.withdrawnOn) : null}
        />
        <Fact label={t('projects.consent.fields.issuingOffice')} value={record.issuingOffice} />
        <Fact label={t('projects.consent.fields.signatory')} value={record.signatory} />
        <Fact label={t('projects.consent.fields.documentReference')} value={record.documentReference} />
        <Fact label={t('projects.consent.fields.scope')} value={record.scope} />
        <Fact label={t('projects.consent.fields.withdrawalReason')} value={record.withdrawalReason} />
        <Divider my={2} />
        <Counts counts={record.counts} problems={record.problems.map(reasons.consentProblem)} />
      </Stack>
    </Paper>
  );
}

function AlignmentRecord({
  projectId,
  record,
  alignment,
  canEdit,
  onEdit,
}: {
  projectId: string;
  record: AlignmentEvaluation;
  alignment: Alignment | null;
  canEdit: boolean;
  onEdit: (alignment: Alignment) => void;
}) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const reasons = useReasonText();
  const remove = useSaveAlignment(projectId);
  const problemText = useProblemText();
  const [confirming, setConfirming] = useState(false);
  return (
    <Paper withBorder radius="sm" p="sm" bg="gray.0">
      <Stack gap={6}>
        <Text size="sm" fw={600} dir="auto">
          {record.strategyTitle}
        </Text>
        <Fact
          label={t('projects.alignment.period')}
          value={`${format.date(record.periodFrom)} – ${record.periodTo ? format.date(record.periodTo) : t('projects.paragraph6.openEnded')}`}
        />
        <Fact label={t('projects.alignment.priorityArea')} value={record.priorityArea} />
        {alignment ? (
          <Fact label={t('projects.alignment.justification')} value={alignment.justification} />
        ) : null}
        <Divider my={2} />
        <Counts counts={record.counts} problems={record.problems.map(reasons.alignmentProblem)} />
        {canEdit && alignment ? (
          <Group gap="xs" mt={4}>
            <Button
              variant="subtle"
              size="compact-xs"
              leftSection={<IconPencil size={13} aria-hidden="true" />}
              onClick={() => onEdit(alignment)}
            >
              {t('projects.actions.edit')}
            </Button>
            {confirming ? (
              <Group gap={6}>
                <Text size="xs">{t('projects.alignment.confirmRemove')}</Text>
                <Button
                  size="compact-xs"
                  color="red.9"
                  loading={remove.isPending}
                  onClick={() =>
                    remove.mutate(
                      { kind: 'delete', alignmentId: alignment.id, version: alignment.version },
                      { onSettled: () => setConfirming(false) },
                    )
                  }
                >
                  {t('projects.actions.remove')}
                </Button>
                <Anchor component="button" type="button" size="xs" onClick={() => setConfirming(false)}>
                  {t('projects.actions.cancel')}
                </Anchor>
              </Group>
            ) : (
              <Button
                variant="subtle"
                color="red"
                c={BAD_TEXT}
                size="compact-xs"
                leftSection={<IconTrash size={13} aria-hidden="true" />}
                onClick={() => setConfirming(true)}
              >
                {t('projects.actions.remove')}
              </Button>
            )}
          </Group>
        ) : null}
        {remove.isError ? (
          <Text size="xs" c={BAD_TEXT} role="alert">
            {`${t('projects.alignment.removeFailed')} ${problemText(remove.error)}`}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Paragraph3Card({ screening }: { screening: ProjectCompliance['paragraph3'] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="p3-heading">
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="md" id="p3-heading">
          {t('projects.paragraph3.title')}
        </Title>
        <Text
          size="sm"
          fw={600}
          c={
            screening.status === 'declared' ? OK_TEXT : screening.status === 'flagged' ? BAD_TEXT : WARN_TEXT
          }
        >
          {t(`projects.paragraph3.status.${screening.status}`)}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('projects.paragraph3.intro')}
      </Text>
      <Stack gap="sm">
        {screening.declarations.map((declaration) => (
          <Group key={declaration.paragraph} gap="sm" wrap="nowrap" align="flex-start">
            {declaration.declared ? (
              <IconCircleCheck
                size={18}
                color="var(--mantine-color-green-8)"
                aria-hidden="true"
                style={{ flexShrink: 0, marginTop: 2 }}
              />
            ) : (
              <IconCircleX
                size={18}
                color="var(--mantine-color-red-8)"
                aria-hidden="true"
                style={{ flexShrink: 0, marginTop: 2 }}
              />
            )}
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {declaration.paragraph === '3(d)'
                  ? t('projects.paragraph3.distinctFromR2p')
                  : t('projects.paragraph3.noCoercion')}
                {' — '}
                {declaration.declared === null
                  ? t('projects.paragraph3.notDeclared')
                  : declaration.declared
                    ? t('projects.paragraph3.declared')
                    : t('projects.paragraph3.refused')}
              </Text>
              <Text size="xs" c="dimmed" fs="italic">
                {declaration.paragraph === '3(d)'
                  ? t('projects.paragraph3.quote3d')
                  : t('projects.paragraph3.quote3e')}
              </Text>
            </Stack>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
