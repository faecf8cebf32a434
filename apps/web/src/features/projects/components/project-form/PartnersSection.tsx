import { ActionIcon, Button, Group, MultiSelect, NativeSelect, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../../components/MoneyInput';
import type { Country, Organization } from '../../api/types';
import { BAD_TEXT } from '../../../../lib/colors';
import { useProjectFormat } from '../../../../lib/project-format';
import { fieldId, newRowKey, type LiveCheck } from '../../lib/project-form';
import { Section, type ProjectFormPartProps } from './Section';
import { SharesTotal } from './SharesTotal';

interface PartnersSectionProps extends ProjectFormPartProps {
  live: LiveCheck;
  countries: Country[];
  organizations: Organization[];
  referenceLoading: boolean;
}

function organizationLabel(organization: Organization): string {
  return organization.acronym ? `${organization.name} (${organization.acronym})` : organization.name;
}

/** Recipient countries, the participating organizations with their budget shares, and the lead. */
export function PartnersSection({
  form,
  errors,
  live,
  countries,
  organizations,
  referenceLoading,
}: PartnersSectionProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const values = form.getValues();

  const countryData = useMemo(
    () =>
      countries
        .map((country) => ({ value: country.iso3, label: format.country(country.iso3, country.name) }))
        .sort((a, b) => a.label.localeCompare(b.label, format.locale)),
    [countries, format],
  );
  const organizationData = useMemo(
    () =>
      organizations
        .map((organization) => ({ value: organization.id, label: organizationLabel(organization) }))
        .sort((a, b) => a.label.localeCompare(b.label, format.locale)),
    [organizations, format.locale],
  );
  const organizationName = (id: string) => {
    const organization = organizations.find((item) => item.id === id);
    return organization ? organizationLabel(organization) : id;
  };
  const rowLabel = (index: number) => t('projects.form.organizationN', { number: format.number(index + 1) });

  return (
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
        onChange={(value) => form.setFieldValue('recipientCountries', value)}
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
              label={rowLabel(index)}
              placeholder={t('projects.form.chooseOrganization')}
              data={organizationData}
              value={row.organizationId || null}
              onChange={(value) => form.setFieldValue(`organizations.${index}.organizationId`, value ?? '')}
              searchable
              nothingFoundMessage={t('projects.filters.nothingFound')}
              error={errors[`organizations.${index}.organizationId`]}
              style={{ flex: 1 }}
            />
            <MoneyInput
              id={fieldId(`organizations.${index}.budgetShare`)}
              label={t('projects.fields.budgetShare')}
              value={row.budgetShare}
              onChange={(value) => form.setFieldValue(`organizations.${index}.budgetShare`, value)}
              error={errors[`organizations.${index}.budgetShare`]}
              w={{ base: 150, sm: 200 }}
            />
            <ActionIcon
              variant="subtle"
              color="red.9"
              size="lg"
              mt={26}
              aria-label={t('projects.form.removeOrganization', {
                name: row.organizationId ? organizationName(row.organizationId) : rowLabel(index),
              })}
              onClick={() => {
                form.removeListItem('organizations', index);
                if (values.leadOrganizationId === row.organizationId)
                  form.setFieldValue('leadOrganizationId', '');
              }}
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
            form.insertListItem('organizations', { key: newRowKey(), organizationId: '', budgetShare: '' })
          }
        >
          {t('projects.form.addOrganization')}
        </Button>
        {errors['organizations'] ? (
          <Text size="sm" c={BAD_TEXT} role="alert">
            {errors['organizations']}
          </Text>
        ) : null}
        {values.organizations.length > 0 ? <SharesTotal live={live} /> : null}
      </Stack>
      <NativeSelect
        id={fieldId('leadOrganizationId')}
        label={t('projects.fields.leadOrganizationId')}
        description={t('projects.form.leadHint')}
        value={values.leadOrganizationId}
        onChange={(event) => form.setFieldValue('leadOrganizationId', event.currentTarget.value)}
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
  );
}
