import { Select, type SelectProps } from '@mantine/core';
import { alpha3ToAlpha2 } from '../lib/country-codes';
import { useMemo } from 'react';
import { useCountryOptions } from '../lib/country-options';
import { useFormatters } from '../lib/format';

type CountrySelectProps = Omit<SelectProps, 'data' | 'searchable'> & { loadingLabel: string };

/** A searchable country picker; names in the reader's language, sorted for them. Values are alpha-3 codes. */
export function CountrySelect({ loadingLabel, placeholder, ...props }: CountrySelectProps) {
  const countries = useCountryOptions();
  const { countryName, locale } = useFormatters();
  const data = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return (countries.data ?? [])
      .map((country) => ({
        value: country.iso3,
        label:
          locale === 'en' ? country.name : countryName(alpha3ToAlpha2(country.iso3) ?? null, country.name),
      }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [countries.data, countryName, locale]);
  return (
    <Select
      {...props}
      data={data}
      searchable
      placeholder={countries.isPending ? loadingLabel : placeholder}
      disabled={props.disabled || countries.isError}
    />
  );
}
