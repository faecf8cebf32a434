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
import { conflictDeclarationProblems } from '@hstf/domain';
import { IconAlertTriangle, IconInfoCircle, IconLockOpen, IconUserOff } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../../components/Tag';
import { useCountryName } from '../../../lib/country-name';
import { writeFailureOf } from '../../../lib/field-errors';
import { useDeclareConflicts } from '../api/declare-conflicts';
import type { Proposal } from '../api/get-review';

interface ConflictDeclarationFormProps {
  reviewId: string;
  version: number;
  proposal: Proposal;
}

type Answer = 'no' | 'yes';

/**
 * Step one of a review: the reviewer declares conflicts of interest before the proposal opens.
 * A declared conflict withdraws them (DESIGN.md §4.1).
 */
export function ConflictDeclarationForm({ reviewId, version, proposal }: ConflictDeclarationFormProps) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const declare = useDeclareConflicts(reviewId);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [organizationIds, setOrganizationIds] = useState<string[]>([]);
  const [countries, setCountries] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const answerRef = useRef<HTMLDivElement>(null);

  const declared = answer === 'yes';
  const problems =
    answer === null
      ? []
      : conflictDeclarationProblems(
          {
            declared,
            organizationIds: declared ? organizationIds : [],
            countries: declared ? countries : [],
            note: declared ? note : null,
          },
          {
            organizationIds: proposal.organizations.map((organization) => organization.organizationId),
            countries: proposal.countries.map((country) => country.iso3),
          },
        );
  const missingSubject = problems.some((problem) => problem.code === 'conflict_without_subject');
  const failure = declare.error ? writeFailureOf(declare.error, []) : null;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (answer === null) {
      answerRef.current?.querySelector('input')?.focus();
      return;
    }
    if (problems.length) return;
    declare.mutate({
      version,
      declared,
      organizationIds: declared ? organizationIds : [],
      countries: declared ? countries : [],
      note: declared && note.trim() ? note.trim() : null,
    });
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'xl' }}
      component="section"
      aria-labelledby="conflict-title"
    >
      <form onSubmit={handleSubmit} noValidate>
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
            onChange={(value) => setAnswer(value === 'yes' || value === 'no' ? value : null)}
            error={tried && answer === null ? t('reviews.conflict.answerRequired') : undefined}
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
                onChange={setOrganizationIds}
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
                onChange={setCountries}
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
                onChange={(event) => setNote(event.currentTarget.value)}
                autosize
                minRows={3}
                maxLength={5000}
                dir="auto"
                error={tried && missingSubject ? t('reviews.conflict.subjectRequired') : undefined}
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
