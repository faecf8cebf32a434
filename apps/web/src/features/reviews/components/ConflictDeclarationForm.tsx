import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { conflictDeclarationProblems } from '@hstf/domain';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconInfoCircle, IconLockOpen, IconUserOff } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staleAlertFor } from '../../../components/stale-alert';
import { Tag } from '../../../components/Tag';
import { useCountryName } from '../../../lib/country-name';
import { isStaleVersion, writeFailureOf } from '../../../lib/field-errors';
import { notifySaved } from '../../../lib/notify';
import { useDeclareConflicts } from '../api/declare-conflicts';
import { reviewQueryOptions, type Proposal } from '../api/get-review';

interface ConflictDeclarationFormProps {
  reviewId: string;
  version: number;
  proposal: Proposal;
}

type Answer = 'no' | 'yes';

interface DeclarationValues {
  answer: Answer | null;
  organizationIds: string[];
  countries: string[];
  note: string;
}

const EMPTY: DeclarationValues = { answer: null, organizationIds: [], countries: [], note: '' };

/**
 * Step one of a review: the reviewer declares conflicts of interest before the proposal opens.
 * A declared conflict withdraws them (DESIGN.md §4.1).
 */
export function ConflictDeclarationForm({ reviewId, version, proposal }: ConflictDeclarationFormProps) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const declare = useDeclareConflicts(reviewId);
  const queryClient = useQueryClient();
  const [stale, setStale] = useState(false);
  const answerRef = useRef<HTMLDivElement>(null);

  /** The domain's rules on a declaration (libs/domain), as the API applies them. */
  const problemsOf = (values: DeclarationValues) => {
    const declaring = values.answer === 'yes';
    return values.answer === null
      ? []
      : conflictDeclarationProblems(
          {
            declared: declaring,
            organizationIds: declaring ? values.organizationIds : [],
            countries: declaring ? values.countries : [],
            note: declaring ? values.note : null,
          },
          {
            organizationIds: proposal.organizations.map((organization) => organization.organizationId),
            countries: proposal.countries.map((country) => country.iso3),
          },
        );
  };
  const form = useForm<DeclarationValues>({
    initialValues: EMPTY,
    validate: (values) => {
      if (values.answer === null) return { answer: t('reviews.conflict.answerRequired') };
      const missingSubject = problemsOf(values).some(
        (problem) => problem.code === 'conflict_without_subject',
      );
      return missingSubject ? { note: t('reviews.conflict.subjectRequired') } : {};
    },
  });
  const { answer, organizationIds, countries, note } = form.getValues();
  const declared = answer === 'yes';
  const failure = declare.error && !stale ? writeFailureOf(declare.error, []) : null;

  const handleSubmit = (values: DeclarationValues) => {
    if (problemsOf(values).length) return;
    const declaring = values.answer === 'yes';
    setStale(false);
    declare.mutate(
      {
        // The version the page holds: after a stale refusal, the one read again.
        version,
        declared: declaring,
        organizationIds: declaring ? values.organizationIds : [],
        countries: declaring ? values.countries : [],
        note: declaring && values.note.trim() ? values.note.trim() : null,
      },
      {
        onSuccess: () => notifySaved(t('saved.declaration')),
        onError: (error) => {
          if (!isStaleVersion(error)) return;
          setStale(true);
          void queryClient.invalidateQueries({ queryKey: reviewQueryOptions(reviewId).queryKey });
        },
      },
    );
  };
  const focusAnswer = (errors: Record<string, unknown>) => {
    if (errors['answer']) answerRef.current?.querySelector('input')?.focus();
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'xl' }}
      component="section"
      aria-labelledby="conflict-title"
    >
      <form onSubmit={(event) => form.onSubmit(handleSubmit, focusAnswer)(event)} noValidate>
        <Stack gap="lg">
          <Stack gap={6}>
            <Title order={2} fz="h3" id="conflict-title">
              {t('reviews.conflict.title')}
            </Title>
            <Text c="dimmed">{t('reviews.conflict.intro')}</Text>
          </Stack>

          <Group align="flex-start" gap="xl" wrap="wrap">
            <Stack gap={6} miw={220}>
              <Text fw={600} size="sm">
                {t('reviews.conflict.countries')}
              </Text>
              <Group gap={6}>
                {proposal.countries.map((country) => (
                  <Tag key={country.iso3} tone="gray">
                    {countryName(country.iso3, country.name)}
                  </Tag>
                ))}
              </Group>
            </Stack>
            <Stack gap={6} miw={220}>
              <Text fw={600} size="sm">
                {t('reviews.conflict.organizations')}
              </Text>
              <List size="sm" spacing={4}>
                {proposal.organizations.map((organization) => (
                  <List.Item key={organization.organizationId}>
                    {organization.name}
                    {organization.acronym ? ` (${organization.acronym})` : ''}
                    {organization.lead ? (
                      <Tag tone="blue" size="sm" ms={8}>
                        {t('reviews.proposal.lead')}
                      </Tag>
                    ) : null}
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Group>

          <Radio.Group
            ref={answerRef}
            label={t('reviews.conflict.question')}
            value={answer}
            onChange={(value) =>
              form.setFieldValue('answer', value === 'yes' || value === 'no' ? value : null)
            }
            error={form.errors['answer']}
            withAsterisk
          >
            <Stack gap="sm" mt="xs">
              <Radio value="no" label={t('reviews.conflict.no')} description={t('reviews.conflict.noHint')} />
              <Radio
                value="yes"
                label={t('reviews.conflict.yes')}
                description={t('reviews.conflict.yesHint')}
              />
            </Stack>
          </Radio.Group>

          {declared ? (
            <Stack gap="md" ps={{ base: 0, sm: 'xl' }}>
              <Checkbox.Group
                label={t('reviews.conflict.withOrganizations')}
                value={organizationIds}
                onChange={(value) => form.setFieldValue('organizationIds', value)}
              >
                <Stack gap={8} mt="xs">
                  {proposal.organizations.map((organization) => (
                    <Checkbox
                      key={organization.organizationId}
                      value={organization.organizationId}
                      label={
                        organization.acronym
                          ? `${organization.name} (${organization.acronym})`
                          : organization.name
                      }
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Checkbox.Group
                label={t('reviews.conflict.withCountries')}
                value={countries}
                onChange={(value) => form.setFieldValue('countries', value)}
              >
                <Stack gap={8} mt="xs">
                  {proposal.countries.map((country) => (
                    <Checkbox
                      key={country.iso3}
                      value={country.iso3}
                      label={countryName(country.iso3, country.name)}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Textarea
                label={t('reviews.conflict.note')}
                description={t('reviews.conflict.noteHint')}
                value={note}
                onChange={(event) => form.setFieldValue('note', event.currentTarget.value)}
                autosize
                minRows={3}
                maxLength={5000}
                dir="auto"
                error={form.errors['note']}
              />
              <Alert
                color="orange"
                variant="light"
                icon={<IconAlertTriangle aria-hidden="true" />}
                title={t('reviews.conflict.withdrawTitle')}
                styles={{ title: { color: '#8a3a00' } }}
              >
                {t('reviews.conflict.withdrawBody')}
              </Alert>
            </Stack>
          ) : answer === 'no' ? (
            <Alert color="unBlue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
              {t('reviews.conflict.openBody')}
            </Alert>
          ) : null}

          {staleAlertFor(
            {
              stale,
              changed: [],
              takeTheirs: () => {
                form.setValues(EMPTY);
                setStale(false);
              },
            },
            declare,
            () => null,
            {
              title: t('reviews.stale.title'),
              body: t('reviews.stale.body'),
              keepMine: t('reviews.stale.keepMine'),
              takeTheirs: t('reviews.stale.takeTheirs'),
            },
          )}
          {failure ? (
            <Alert color="red" variant="light" role="alert" title={t('reviews.conflict.failed')}>
              {failure.others.length ? (
                <List size="sm">
                  {failure.others.map((message) => (
                    <List.Item key={message}>{message}</List.Item>
                  ))}
                </List>
              ) : (
                t('reviews.errors.tryAgain')
              )}
            </Alert>
          ) : null}

          <Group justify="flex-end">
            <Button
              type="submit"
              loading={declare.isPending}
              color={declared ? 'grape.9' : undefined}
              leftSection={
                declared ? (
                  <IconUserOff size={18} aria-hidden="true" />
                ) : (
                  <IconLockOpen size={18} aria-hidden="true" />
                )
              }
            >
              {declared
                ? t('reviews.conflict.submitYes')
                : answer === 'no'
                  ? t('reviews.conflict.submitNo')
                  : t('reviews.conflict.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
