/**
 * The UN country groupings that M49 flags beside each country: Least Developed Countries,
 * Land-locked Developing Countries and Small Island Developing States (ISO alpha-2 codes).
 *
 * No maintained npm package carries these flags, so they are kept here, taken from the UNSD M49
 * "Standard country or area codes for statistical use" overview
 * (https://unstats.un.org/unsd/methodology/m49/overview/), with the LDC graduations recorded by
 * UN-OHRLLS since: Vanuatu (4 December 2020), Bhutan (13 December 2023) and
 * São Tomé and Príncipe (13 December 2024). Update with a migration when the lists change.
 */
export const UN_GROUPS_AS_OF = '2025-01-01';

export const LEAST_DEVELOPED_COUNTRIES: readonly string[] = [
  'AF', 'AO', 'BD', 'BF', 'BI', 'BJ', 'CD', 'CF', 'DJ', 'ER', 'ET', 'GM', 'GN', 'GW', 'HT',
  'KH', 'KI', 'KM', 'LA', 'LR', 'LS', 'MG', 'ML', 'MM', 'MR', 'MW', 'MZ', 'NE', 'NP', 'RW',
  'SB', 'SD', 'SL', 'SN', 'SO', 'SS', 'TD', 'TG', 'TL', 'TV', 'TZ', 'UG', 'YE', 'ZM',
];

export const LANDLOCKED_DEVELOPING_COUNTRIES: readonly string[] = [
  'AF', 'AM', 'AZ', 'BF', 'BI', 'BO', 'BT', 'BW', 'CF', 'ET', 'KG', 'KZ', 'LA', 'LS', 'MD',
  'MK', 'ML', 'MN', 'MW', 'NE', 'NP', 'PY', 'RW', 'SS', 'SZ', 'TD', 'TJ', 'TM', 'UG', 'UZ',
  'ZM', 'ZW',
];

export const SMALL_ISLAND_DEVELOPING_STATES: readonly string[] = [
  'AG', 'AI', 'AS', 'AW', 'BB', 'BQ', 'BS', 'BZ', 'CK', 'CU', 'CV', 'CW', 'DM', 'DO', 'FJ',
  'FM', 'GD', 'GU', 'GW', 'GY', 'HT', 'JM', 'KI', 'KM', 'KN', 'LC', 'MH', 'MP', 'MS', 'MU',
  'MV', 'NC', 'NR', 'NU', 'PF', 'PG', 'PR', 'PW', 'SB', 'SC', 'SG', 'SR', 'ST', 'SX', 'TL',
  'TO', 'TT', 'TV', 'VC', 'VG', 'VI', 'VU', 'WS',
];
