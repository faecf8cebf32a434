import { Badge, Button, Collapse, Group, MultiSelect, NativeSelect, Select, SimpleGrid } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { COMPLIANCE_STATUSES, HUMAN_SECURITY_DIMENSIONS, STAGES, VULNERABLE_GROUPS } from '@hstf/domain';
import { IconAdjustmentsHorizontal, IconFilterOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterPanel, FilterSelect, SearchField } from '../../../components/FilterPanel';
import { useSearchFilter } from '../../../lib/use-search-filter';
import { M49_REGIONS, M49_SUBREGIONS } from '../../../lib/m49';
import type { Country, Organization } from '../api/types';
import {
  FIRST_YEAR,
  SDGS,
  WINDOWS,
  activeFilterCount,
  clearedFilters,
  type ProjectFilters as Filters,
} from '../lib/filters';
import { useProjectFormat } from '../../../lib/project-format';
import { PHONE_QUERY } from '../../../lib/media';

interface ProjectFiltersProps {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
  countries: Country[];
  organizations: Organization[];
}

const LAST_YEAR = new Date().getUTCFullYear() + 5;
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, index) => FIRST_YEAR + index);

/** Every filter of the projects API; each one writes the address, so the view can be shared. */
export function ProjectFilters({ filters, onChange, countries, organizations }: ProjectFiltersProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const searchFilter = useSearchFilter(filters.q, (q) => onChange({ q }));
  const { search } = searchFilter;
  const secondaryActive = Boolean(
    filters.window ||
    filters.region ||
    filters.organization ||
    filters.dimension ||
    filters.group ||
    filters.sdg ||
    filters.fromYear ||
    filters.toYear ||
    filters.compliance.length,
  );
  // On a phone the first screen is for the projects: only the search stays out, the rest folds away.
  const phone = useMediaQuery(PHONE_QUERY) ?? false;
  const [moreOpen, setMoreOpen] = useState(secondaryActive);
  const active = activeFilterCount(filters);

  const countryOptions = useMemo(
    () =>
      countries
        .map((country) => ({ value: country.iso3, label: format.country(country.iso3, country.name) }))
        .sort((a, b) => a.label.localeCompare(b.label, format.locale)),
    [countries, format],
  );
  // A country chosen in the address stays visible even before the list of countries arrives.
  const countryData = useMemo(() => {
    const known = new Set(countryOptions.map((option) => option.value));
    const missing = filters.country
      .filter((code) => !known.has(code))
      .map((code) => ({ value: code, label: format.country(code) }));
    return [...countryOptions, ...missing];
  }, [countryOptions, filters.country, format]);
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

  const stageAndCountry = (
    <>
      <MultiSelect
        label={t('projects.filters.stage')}
        placeholder={filters.stage.length ? undefined : t('projects.filters.allStages')}
        data={STAGES.map((stage) => ({ value: stage, label: t(`projects.stages.${stage}`) }))}
        value={filters.stage}
        onChange={(stage) => onChange({ stage: stage })}
        clearable
        clearButtonProps={{ 'aria-label': t('projects.filters.clearStage') }}
        comboboxProps={{ withinPortal: true }}
      />
      <MultiSelect
        label={t('projects.filters.country')}
        placeholder={filters.country.length ? undefined : t('projects.filters.allCountries')}
        data={countryData}
        value={filters.country}
        onChange={(country) => onChange({ country })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('projects.filters.clearCountry') }}
        nothingFoundMessage={t('projects.filters.nothingFound')}
        limit={60}
      />
    </>
  );

  const clear = () => {
    searchFilter.clear();
    onChange(clearedFilters(filters));
  };

  return (
    <FilterPanel label={t('projects.filters.label')} onSubmit={searchFilter.flush}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="md">
        <SearchField
          filter={searchFilter}
          label={t('projects.filters.search')}
          placeholder={t('projects.filters.searchPlaceholder')}
        />
        {phone ? null : stageAndCountry}
      </SimpleGrid>

      <Collapse expanded={moreOpen} id="project-more-filters">
        {phone ? (
          <SimpleGrid cols={1} spacing="md" mt="md">
            {stageAndCountry}
          </SimpleGrid>
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="md" mt="md">
          <MultiSelect
            label={t('complianceFilter.label')}
            placeholder={filters.compliance.length ? undefined : t('complianceFilter.all')}
            data={COMPLIANCE_STATUSES.map((status) => ({
              value: status,
              label: t(`paragraph6Status.${status}`),
            }))}
            value={filters.compliance}
            onChange={(compliance) => onChange({ compliance })}
            clearable
            clearButtonProps={{ 'aria-label': t('complianceFilter.clear') }}
            comboboxProps={{ withinPortal: true }}
          />
          <FilterSelect
            label={t('projects.filters.window')}
            all={t('projects.filters.allWindows')}
            value={filters.window}
            choices={WINDOWS}
            choiceLabel={(window) => t('projects.window', { window })}
            onChange={(window) => onChange({ window })}
          />
          <NativeSelect
            label={t('projects.filters.region')}
            value={filters.region ?? ''}
            onChange={(event) => onChange({ region: event.currentTarget.value || null })}
          >
            <option value="">{t('projects.filters.allRegions')}</option>
            <optgroup label={t('projects.filters.regions')}>
              {M49_REGIONS.map((code) => (
                <option key={code} value={code}>
                  {t(`m49.${code}`)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('projects.filters.subregions')}>
              {M49_SUBREGIONS.map((code) => (
                <option key={code} value={code}>
                  {t(`m49.${code}`)}
                </option>
              ))}
            </optgroup>
          </NativeSelect>
          <Select
            label={t('projects.filters.organization')}
            placeholder={t('projects.filters.allOrganizations')}
            data={organizationData}
            value={filters.organization}
            onChange={(organization) => onChange({ organization })}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('projects.filters.clearOrganization') }}
            nothingFoundMessage={t('projects.filters.nothingFound')}
          />
          <FilterSelect
            label={t('projects.filters.dimension')}
            all={t('projects.filters.allDimensions')}
            value={filters.dimension}
            choices={HUMAN_SECURITY_DIMENSIONS}
            choiceLabel={(dimension) => t(`projects.dimensions.${dimension}`)}
            onChange={(dimension) => onChange({ dimension })}
          />
          <FilterSelect
            label={t('projects.filters.group')}
            all={t('projects.filters.allGroups')}
            value={filters.group}
            choices={VULNERABLE_GROUPS}
            choiceLabel={(group) => t(`projects.groups.${group}`)}
            onChange={(group) => onChange({ group })}
          />
          <FilterSelect
            label={t('projects.filters.sdg')}
            all={t('projects.filters.allSdgs')}
            value={filters.sdg}
            choices={SDGS}
            choiceLabel={(sdg) => t('projects.sdg', { number: format.number(sdg) })}
            onChange={(sdg) => onChange({ sdg })}
          />
          <FilterSelect
            label={t('projects.filters.fromYear')}
            all={t('projects.filters.anyYear')}
            value={filters.fromYear}
            choices={YEARS}
            choiceLabel={String}
            onChange={(fromYear) => onChange({ fromYear })}
          />
          <FilterSelect
            label={t('projects.filters.toYear')}
            all={t('projects.filters.anyYear')}
            value={filters.toYear}
            choices={YEARS}
            choiceLabel={String}
            onChange={(toYear) => onChange({ toYear })}
            error={
              filters.fromYear && filters.toYear && filters.toYear < filters.fromYear
                ? t('projects.filters.yearOrder')
                : undefined
            }
          />
        </SimpleGrid>
      </Collapse>

      <Group justify="space-between" align="center" mt="md" gap="sm">
        <Button
          variant="subtle"
          size="sm"
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden="true" />}
          onClick={() => setMoreOpen((open) => !open)}
          aria-expanded={moreOpen}
          aria-controls="project-more-filters"
        >
          {moreOpen ? t('projects.filters.fewer') : t('projects.filters.more')}
        </Button>
        {active > 0 || search ? (
          <Group gap="xs">
            <Badge variant="light" color="unBlue" radius="sm" tt="none" c="unBlue.9">
              {t('projects.filters.active', { number: format.number(active) })}
            </Badge>
            <Button
              variant="subtle"
              size="sm"
              leftSection={<IconFilterOff size={16} aria-hidden="true" />}
              onClick={clear}
            >
              {t('common.clearFilters')}
            </Button>
          </Group>
        ) : null}
      </Group>
    </FilterPanel>
  );
}
