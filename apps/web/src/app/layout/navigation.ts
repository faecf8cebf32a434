import { IconBuildingCommunity, IconHome, IconWorld, type Icon } from '@tabler/icons-react';
import { canOpen, type Screen } from '../../lib/authorization';

export interface NavItem {
  screen: Screen;
  to: string;
  labelKey: `nav.${Screen}`;
  icon: Icon;
}

const NAV_ITEMS: NavItem[] = [
  { screen: 'overview', to: '/', labelKey: 'nav.overview', icon: IconHome },
  { screen: 'countries', to: '/countries', labelKey: 'nav.countries', icon: IconWorld },
  {
    screen: 'organizations',
    to: '/organizations',
    labelKey: 'nav.organizations',
    icon: IconBuildingCommunity,
  },
];

export function navItemsFor(role: string): NavItem[] {
  return NAV_ITEMS.filter((item) => canOpen(role, item.screen));
}

/** The screen a path belongs to, for the role check of the route guard. */
export function screenOf(pathname: string): Screen | null {
  const item = NAV_ITEMS.find((candidate) =>
    candidate.to === '/'
      ? pathname === '/'
      : pathname === candidate.to || pathname.startsWith(`${candidate.to}/`),
  );
  return item?.screen ?? null;
}
