import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The five UN M49 regions, by code, in the order the UN Statistics Division lists them. */
export const M49_REGIONS = ['002', '019', '142', '150', '009'] as const;

/** The seventeen UN M49 sub-regions, by code. */
export const M49_SUBREGIONS = [
  '015',
  '202',
  '419',
  '021',
  '143',
  '030',
  '035',
  '034',
  '145',
  '151',
  '154',
  '039',
  '155',
  '053',
  '054',
  '057',
  '061',
] as const;

export type M49Code = (typeof M49_REGIONS)[number] | (typeof M49_SUBREGIONS)[number];

export function isM49Code(value: string | null | undefined): value is M49Code {
  return (
    typeof value === 'string' &&
    ((M49_REGIONS as readonly string[]).includes(value) ||
      (M49_SUBREGIONS as readonly string[]).includes(value))
  );
}

/** A region's or sub-region's name in the reader's language; the API's English name when the code is unknown. */
export function useM49Name() {
  const { t } = useTranslation();
  return useCallback(
    (code: string | null | undefined, fallback: string | null | undefined) =>
      isM49Code(code) ? t(`m49.${code}`) : (fallback ?? ''),
    [t],
  );
}
