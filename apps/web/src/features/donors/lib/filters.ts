import { choiceFilters, type ChoiceFilters } from '../../../lib/address-filters';

export const DONOR_KINDS = [
  'member_state',
  'regional_organization',
  'private_sector',
  'foundation',
  'other',
] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

/** The filters of the donors screen, kept in the address. */
export type DonorFilters = ChoiceFilters<'kind', DonorKind>;

const donorFilters = choiceFilters('kind', DONOR_KINDS);

export const isDonorKind = donorFilters.isChoice;
export const parseDonorFilters = donorFilters.parse;
export const writeDonorFilters = donorFilters.write;
export const useDonorFilters = donorFilters.useFilters;
