import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  MultiSelect,
  NativeSelect,
  Paper,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import {
  COMMITTED_STAGES,
  HUMAN_SECURITY_DIMENSIONS,
  VULNERABLE_GROUPS,
  compareMoney,
  subtractMoney,
  type Stage,
} from '@hstf/domain';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Country, Organization } from '../api/types';
import { SDGS, WINDOWS } from '../lib/filters';
import { useProjectFormat } from '../../../lib/project-format';
import {
  NARRATIVE_FIELDS,
  NARRATIVE_PRINCIPLE,
  fieldId,
  newRowKey,
  type LiveCheck,
  type ProjectFormValues,
} from '../lib/project-form';
import { ALERT_STYLES, OK_TEXT, BAD_TEXT, WARN_TEXT } from '../../../lib/colors';

interface ProjectFormProps {
  mode: 'create' | 'edit';
  stage?: Stage;
  values: ProjectFormValues;
  onChange: (values: ProjectFormValues) => void;
  /** Field errors by path: the client's checks and the API's problem+json errors. */
  errors: Record<string, string>;
  live: LiveCheck;
  countries: Country[];
  organizations: Organization[];
  referenceLoading: boolean;
}

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" id={id} mb={description ? 4 : 'md'}>
        {title}
      </Title>
      {description ? (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      ) : null}
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

/** Every field of the project's create and update requests, with the domain's rules as you type. */
export function ProjectForm({
  mode,
  stage,
  values,
  onChange,
  errors,
  live,
  countries,
  organizations,
  referenceLoading,
}: ProjectFormProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const set = <K extends keyof ProjectFormValues>(key: K, value: ProjectFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const approvedFixed = stage !== undefined && (COMMITTED_STAGES as readonly string[]).includes(stage);

  const countryData = useMemo(
    () =>
      countries
        .map((country) => ({ value: country.iso3, label: format.country(country.iso3, country.name) }))
        .sort((a, b) => a.label.localeCompare(b.label, format.locale)),
    [countries, format],
  );
  const organizationName = (id: string) => {
    const organization = organizations.find((item) => item.id === id);
    return organization
      ? organization.acronym
        ? `${organization.name} (${organization.acronym})`
        : organization.name
      : id;
  };
  const organizationData = useMemo(
    () =>
      organizations
        .map((organization) => ({
          value: organization.id,
          label: organization.acronym ? `${organization.name} (${organization.acronym})` : organization.name,
        }))
        .sort((a, b) => a.label.localeCompare(b.label, format.locale)),
    [organizations, format.locale],
  );

  const total = live.sharesTotal;
  const requested = live.requested;
  const difference = total !== null && requested !== null ? subtractMoney(requested, total) : null;
  const balanced = difference !== null && compareMoney(difference, '0') === 0;

  const updateRow = (index: number, change: Partial<ProjectFormValues['organizations'][number]>) =>
    set(
      'organizations',
      values.organizations.map((row, position) => (position === index ? { ...row, ...change } : row)),
    );

  return (
    <Stack gap="lg">
      <Section id="section-identity" title={t('projects.form.sections.identity')}>
        {mode === 'create' ? (
          <TextInput
            id={fieldId('code')}
            label={t('projects.fields.code')}
            description={t('projects.form.codeHint')}
            placeholder="HS-2026-0042"
            value={values.code}
            onChange={(event) => set('code', event.currentTarget.value.toUpperCase())}
            error={errors['code']}
            dir="ltr"
            maw={260}
          />
        ) : null}
        <TextInput
          id={fieldId('title')}
          dir="auto"
          label={t('projects.fields.title')}
          required
          maxLength={300}
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          error={errors['title']}
        />
        <Textarea
          dir="auto"
          id={fieldId('summary')}
          label={t('projects.fields.summary')}
          autosize
          minRows={3}
          maxLength={5000}
          value={values.summary}
          onChange={(event) => set('summary', event.currentTarget.value)}
          error={errors['summary']}
        />
        <Radio.Group
          id={fieldId('window')}
          label={t('projects.fields.window')}
          description={t('projects.form.windowHint')}
          required={mode === 'create'}
          value={values.window}
          onChange={(value) => set('window', value)}
          error={errors['window']}
        >
          <Group gap="lg" mt={6}>
            {WINDOWS.map((window) => (
              <Radio key={window} value={window} label={t('projects.window', { window })} />
            ))}
          </Group>
        </Radio.Group>
      </Section>

      <Section
        id="section-partners"
        title={t('projects.form.sections.partners')}
        description={t('projects.form.partnersHint')}
      >
        <MultiSelect
          id={fieldId('recipientCountries')}
          label={t('projects.fields.recipientCountries')}
          placeholder={values.recipientCountries.length ? undefined : t('projects.form.chooseCountries')}
          data={countryData}
          value={values.recipientCountries}
          onChange={(value) => set('recipientCountries', value)}
          searchable
          nothingFoundMessage={t('projects.filters.nothingFound')}
          disabled={referenceLoading && countryData.length === 0}
          error={errors['recipientCountries']}
          limit={60}
        />
        <Stack gap="xs" id={fieldId('organizations')}>
          <Text fw={600} size="sm" component="h3" m={0}>
            {t('projects.fields.organizations')}
          </Text>
          {values.organizations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('projects.form.noOrganizations')}
            </Text>
          ) : null}
          {values.organizations.map((row, index) => (
            <Group key={row.key} align="flex-start" gap="sm" wrap="nowrap" data-row={index}>
              <Select
                id={fieldId(`organizations.${index}.organizationId`)}
                label={t('projects.form.organizationN', { number: format.number(index + 1) })}
                placeholder={t('projects.form.chooseOrganization')}
                data={organizationData}
                value={row.organizationId || null}
                onChange={(value) => updateRow(index, { organizationId: value ?? '' })}
                searchable
                nothingFoundMessage={t('projects.filters.nothingFound')}
                error={errors[`organizations.${index}.organizationId`]}
                style={{ flex: 1 }}
              />
              <TextInput
                id={fieldId(`organizations.${index}.budgetShare`)}
                label={t('projects.fields.budgetShare')}
                inputMode="decimal"
                leftSection={
                  <Text size="xs" c="dimmed">
                    US$
                  </Text>
                }
                value={row.budgetShare}
                onChange={(event) => updateRow(index, { budgetShare: event.currentTarget.value })}
                error={errors[`organizations.${index}.budgetShare`]}
                w={{ base: 150, sm: 200 }}
                dir="ltr"
              />
              <ActionIcon
                variant="subtle"
                color="red.9"
                size="lg"
                mt={26}
                aria-label={t('projects.form.removeOrganization', {
                  name: row.organizationId
                    ? organizationName(row.organizationId)
                    : t('projects.form.organizationN', { number: format.number(index + 1) }),
                })}
                onClick={() =>
                  onChange({
                    ...values,
                    organizations: values.organizations.filter((_, position) => position !== index),
                    leadOrganizationId:
                      values.leadOrganizationId === row.organizationId ? '' : values.leadOrganizationId,
                  })
                }
              >
                <IconTrash size={18} aria-hidden="true" />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="light"
            size="xs"
            w="fit-content"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() =>
              set('organizations', [
                ...values.organizations,
                { key: newRowKey(), organizationId: '', budgetShare: '' },
              ])
            }
          >
            {t('projects.form.addOrganization')}
          </Button>
          {errors['organizations'] ? (
            <Text size="sm" c={BAD_TEXT} role="alert">
              {errors['organizations']}
            </Text>
          ) : null}
          {values.organizations.length > 0 ? (
            <Paper
              radius="md"
              p="sm"
              bg={balanced ? 'green.0' : 'gray.0'}
              withBorder
              data-testid="shares-total"
            >
              <Stack gap={6} role="status" aria-live="polite">
                <Group justify="space-between" gap="xs">
                  <Text size="sm" fw={600}>
                    {t('projects.form.sharesTotal', {
                      total: format.money(total ?? '0'),
                      requested: requested === null ? '—' : format.money(requested),
                    })}
                  </Text>
                  <Text size="sm" c={balanced ? OK_TEXT : WARN_TEXT} fw={600}>
                    {difference === null
                      ? t('projects.form.sharesNoBudget')
                      : balanced
                        ? t('projects.form.sharesBalanced')
                        : compareMoney(difference, '0') > 0
                          ? t('projects.form.sharesToAllocate', { amount: format.money(difference) })
                          : t('projects.form.sharesOver', {
                              amount: format.money(subtractMoney('0', difference)),
                            })}
                  </Text>
                </Group>
                {requested !== null && Number(requested) > 0 && total !== null ? (
                  <Progress
                    value={Math.min(100, (Number(total) / Number(requested)) * 100)}
                    color={balanced ? 'teal.7' : compareMoney(total, requested) > 0 ? 'red.8' : 'orange.7'}
                    aria-hidden="true"
                  />
                ) : null}
              </Stack>
            </Paper>
          ) : null}
        </Stack>
        <NativeSelect
          id={fieldId('leadOrganizationId')}
          label={t('projects.fields.leadOrganizationId')}
          description={t('projects.form.leadHint')}
          value={values.leadOrganizationId}
          onChange={(event) => set('leadOrganizationId', event.currentTarget.value)}
          error={errors['leadOrganizationId']}
        >
          <option value="">{t('projects.form.noLead')}</option>
          {values.organizations
            .filter((row) => row.organizationId)
            .map((row) => (
              <option key={row.key} value={row.organizationId}>
                {organizationName(row.organizationId)}
              </option>
            ))}
          {values.leadOrganizationId &&
          !values.organizations.some((row) => row.organizationId === values.leadOrganizationId) ? (
            <option value={values.leadOrganizationId}>{organizationName(values.leadOrganizationId)}</option>
          ) : null}
        </NativeSelect>
      </Section>

      <Section
        id="section-budget"
        title={t('projects.form.sections.budget')}
        description={t('projects.form.budgetHint')}
      >
        <SimpleGrid cols={{ base: 1, sm: mode === 'edit' ? 3 : 2 }} spacing="md">
          <TextInput
            id={fieldId('requestedBudget')}
            label={t('projects.fields.requestedBudget')}
            inputMode="decimal"
            leftSection={
              <Text size="xs" c="dimmed">
                US$
              </Text>
            }
            value={values.requestedBudget}
            onChange={(event) => set('requestedBudget', event.currentTarget.value)}
            error={errors['requestedBudget']}
            dir="ltr"
          />
          {mode === 'edit' ? (
            <TextInput
              id={fieldId('approvedBudget')}
              label={t('projects.fields.approvedBudget')}
              description={approvedFixed ? t('projects.form.approvedFixed') : t('projects.form.approvedHint')}
              inputMode="decimal"
              leftSection={
                <Text size="xs" c="dimmed">
                  US$
                </Text>
              }
              value={values.approvedBudget}
              onChange={(event) => set('approvedBudget', event.currentTarget.value)}
              error={errors['approvedBudget']}
              disabled={approvedFixed}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              dir="ltr"
            />
          ) : null}
          <TextInput
            id={fieldId('coFunding')}
            label={t('projects.fields.coFunding')}
            inputMode="decimal"
            leftSection={
              <Text size="xs" c="dimmed">
                US$
              </Text>
            }
            value={values.coFunding}
            onChange={(event) => set('coFunding', event.currentTarget.value)}
            error={errors['coFunding']}
            dir="ltr"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            id={fieldId('startDate')}
            type="date"
            label={t('projects.fields.startDate')}
            value={values.startDate}
            onChange={(event) => set('startDate', event.currentTarget.value)}
            error={errors['startDate']}
          />
          <TextInput
            id={fieldId('endDate')}
            type="date"
            label={t('projects.fields.endDate')}
            min={values.startDate || undefined}
            value={values.endDate}
            onChange={(event) => set('endDate', event.currentTarget.value)}
            error={errors['endDate']}
          />
        </SimpleGrid>
      </Section>

      <Section id="section-scope" title={t('projects.form.sections.scope')}>
        <Checkbox.Group
          id={fieldId('dimensions')}
          label={t('projects.fields.dimensions')}
          description={t('projects.form.dimensionsHint')}
          value={values.dimensions}
          onChange={(value) => set('dimensions', value)}
          error={errors['dimensions']}
        >
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt={8}>
            {HUMAN_SECURITY_DIMENSIONS.map((dimension) => (
              <Checkbox key={dimension} value={dimension} label={t(`projects.dimensions.${dimension}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <TextInput
          id={fieldId('targetBeneficiaries')}
          label={t('projects.fields.targetBeneficiaries')}
          inputMode="numeric"
          value={values.targetBeneficiaries}
          onChange={(event) => set('targetBeneficiaries', event.currentTarget.value)}
          error={errors['targetBeneficiaries']}
          maw={260}
          dir="ltr"
        />
        <Checkbox.Group
          id={fieldId('vulnerableGroups')}
          label={t('projects.fields.vulnerableGroups')}
          description={t('projects.form.groupsHint')}
          value={values.vulnerableGroups}
          onChange={(value) => set('vulnerableGroups', value)}
          error={errors['vulnerableGroups']}
        >
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt={8}>
            {VULNERABLE_GROUPS.map((group) => (
              <Checkbox key={group} value={group} label={t(`projects.groups.${group}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Checkbox.Group
          id={fieldId('sdgs')}
          label={t('projects.fields.sdgs')}
          value={values.sdgs}
          onChange={(value) => set('sdgs', value)}
          error={errors['sdgs']}
        >
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt={8}>
            {SDGS.map((sdg) => (
              <Checkbox
                key={sdg}
                value={String(sdg)}
                label={`${format.number(sdg)}. ${t(`projects.sdgNames.${sdg as 1}`)}`}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      </Section>

      <Section
        id="section-principles"
        title={t('projects.form.sections.principles')}
        description={t('projects.form.principlesHint')}
      >
        {NARRATIVE_FIELDS.map((field) => (
          <Textarea
            dir="auto"
            key={field}
            id={fieldId(`narratives.${field}`)}
            label={t(`projects.principles.${NARRATIVE_PRINCIPLE[field]}`)}
            description={t(`projects.form.narrativeHints.${NARRATIVE_PRINCIPLE[field]}`)}
            autosize
            minRows={3}
            maxLength={20000}
            value={values.narratives[field]}
            onChange={(event) =>
              set('narratives', { ...values.narratives, [field]: event.currentTarget.value })
            }
            error={errors[`narratives.${field}`]}
          />
        ))}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Textarea
            dir="auto"
            id={fieldId('protectionMeasures')}
            label={t('projects.fields.protectionMeasures')}
            description={t('projects.form.protectionHint')}
            autosize
            minRows={3}
            maxLength={20000}
            value={values.protectionMeasures}
            onChange={(event) => set('protectionMeasures', event.currentTarget.value)}
            error={errors['protectionMeasures']}
          />
          <Textarea
            dir="auto"
            id={fieldId('empowermentMeasures')}
            label={t('projects.fields.empowermentMeasures')}
            description={t('projects.form.empowermentHint')}
            autosize
            minRows={3}
            maxLength={20000}
            value={values.empowermentMeasures}
            onChange={(event) => set('empowermentMeasures', event.currentTarget.value)}
            error={errors['empowermentMeasures']}
          />
        </SimpleGrid>
      </Section>

      <Section
        id="section-declarations"
        title={t('projects.paragraph3.title')}
        description={t('projects.paragraph3.intro')}
      >
        <Checkbox
          id={fieldId('declarations.noCoercion')}
          label={t('projects.form.declareNoCoercion')}
          description={t('projects.paragraph3.quote3e')}
          checked={values.declarations.noCoercion}
          onChange={(event) =>
            set('declarations', { ...values.declarations, noCoercion: event.currentTarget.checked })
          }
          error={errors['declarations.noCoercion']}
        />
        <Checkbox
          id={fieldId('declarations.distinctFromR2p')}
          label={t('projects.form.declareDistinct')}
          description={t('projects.paragraph3.quote3d')}
          checked={values.declarations.distinctFromR2p}
          onChange={(event) =>
            set('declarations', { ...values.declarations, distinctFromR2p: event.currentTarget.checked })
          }
          error={errors['declarations.distinctFromR2p']}
        />
      </Section>
    </Stack>
  );
}

/** Every problem of the form, each a link to its field (WCAG 3.3.1). */
export function ErrorSummary({
  errors,
  labels,
}: {
  errors: Record<string, string>;
  labels: (path: string) => string;
}) {
  const { t } = useTranslation();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden="true" />}
      title={t('projects.form.summaryTitle', { number: entries.length })}
      role="alert"
      tabIndex={-1}
      id="project-form-errors"
      styles={ALERT_STYLES}
    >
      <List size="sm" spacing={2}>
        {entries.map(([path, message]) => (
          <List.Item key={path}>
            <Anchor
              href={`#${fieldId(path)}`}
              underline="always"
              size="sm"
              c={BAD_TEXT}
              onClick={(event) => {
                const target = document.getElementById(fieldId(path));
                if (target) {
                  event.preventDefault();
                  target.scrollIntoView({ block: 'center' });
                  (target.querySelector<HTMLElement>('input, textarea, select') ?? target).focus();
                }
              }}
            >
              {labels(path)}
            </Anchor>
            {`: ${message}`}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
