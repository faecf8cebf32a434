import { choiceFilters, type ChoiceFilters } from '../../../lib/address-filters';

export const ORGANIZATION_KINDS = ['un_entity', 'government', 'ngo', 'regional_body', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** The filters of the organizations screen, kept in the address. */
export type OrganizationFilters = ChoiceFilters<'kind', OrganizationKind>;

const organizationFilters = choiceFilters('kind', ORGANIZATION_KINDS);

export const isOrganizationKind = organizationFilters.isChoice;
export const parseOrganizationFilters = organizationFilters.parse;
export const writeOrganizationFilters = organizationFilters.write;
export const useOrganizationFilters = organizationFilters.useFilters;
