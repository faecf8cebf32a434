import { List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../../lib/country-name';
import { useFormatters } from '../../../lib/format';
import type { Indicator } from '../api/get-review';

const CODES = [
  'beneficiaries_counted',
  'vulnerable_group_named',
  'several_dimensions',
  'several_un_organizations',
  'every_country_aligned',
  'every_country_has_context_narrative',
  'prevention_narrative_present',
  'protection_measure_described',
  'empowerment_measure_described',
] as const;
type Code = (typeof CODES)[number];

function isCode(value: string): value is Code {
  return (CODES as readonly string[]).includes(value);
}

/** The structural indicators the system computes: evidence beside the score, never a verdict. */
export function IndicatorList({ indicators }: { indicators: Indicator[] }) {
  const { t } = useTranslation();
  const { number, locale } = useFormatters();
  const countryName = useCountryName();
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });

  const describe = (indicator: Indicator): string => {
    if (!isCode(indicator.code)) return indicator.description;
    const facts = indicator.facts as Record<string, unknown>;
    const count = typeof facts['count'] === 'number' ? facts['count'] : 0;
    const required = typeof facts['required'] === 'number' ? facts['required'] : 0;
    const missing = (key: string) =>
      list.format(((facts[key] as string[] | undefined) ?? []).map((iso3) => countryName(iso3)));
    const state = indicator.met ? 'met' : 'unmet';
    return t(`reviews.indicators.${indicator.code}.${state}`, {
      shown: number(typeof facts['targetBeneficiaries'] === 'number' ? facts['targetBeneficiaries'] : count),
      required: number(required),
      countries: missing(
        indicator.code === 'every_country_aligned' ? 'withoutAlignment' : 'withoutContextNarrative',
      ),
    });
  };

  return (
    <List spacing={6} size="sm" center listStyleType="none" ps={0}>
      {indicators.map((indicator) => (
        <List.Item
          key={indicator.code}
          icon={
            <ThemeIcon
              size={20}
              radius="xl"
              variant="light"
              color={indicator.met ? 'teal' : 'gray'}
              aria-hidden="true"
            >
              {indicator.met ? <IconCheck size={14} /> : <IconMinus size={14} />}
            </ThemeIcon>
          }
        >
          <Text span size="sm">
            <Text span fw={600}>
              {indicator.met ? t('reviews.indicators.metLabel') : t('reviews.indicators.unmetLabel')}
            </Text>{' '}
            {describe(indicator)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
