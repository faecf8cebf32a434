import { ROLES, type Role } from '@hstf/domain';
import { choiceFilters, type ChoiceFilters } from '../../../lib/address-filters';

/** The filters of the users screen, kept in the address. */
export type UserFilters = ChoiceFilters<'role', Role>;

const userFilters = choiceFilters('role', ROLES);

export const parseUserFilters = userFilters.parse;
export const writeUserFilters = userFilters.write;
export const useUserFilters = userFilters.useFilters;
