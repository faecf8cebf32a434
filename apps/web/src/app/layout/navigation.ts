import {
  IconBuildingCommunity,
  IconBulb,
  IconCash,
  IconClipboardCheck,
  IconFileImport,
  IconFolders,
  IconHistory,
  IconHome,
  IconPigMoney,
  IconTargetArrow,
  IconUsers,
  IconWorld,
  type Icon,
} from '@tabler/icons-react';
import { canOpen, type Screen } from '../../lib/authorization';

export interface NavItem {
  screen: Screen;
  to: string;
  labelKey: `nav.${Screen}`;
  icon: Icon;
}

const NAV_ITEMS: NavItem[] = [
  { screen: 'overview', to: '/', labelKey: 'nav.overview', icon: IconHome },
  { screen: 'projects', to: '/projects', labelKey: 'nav.projects', icon: IconFolders },
  { screen: 'countries', to: '/countries', labelKey: 'nav.countries', icon: IconWorld },
  {
    screen: 'organizations',
    to: '/organizations',
    labelKey: 'nav.organizations',
    icon: IconBuildingCommunity,
  },
  { screen: 'reviews', to: '/reviews', labelKey: 'nav.reviews', icon: IconClipboardCheck },
  { screen: 'strategies', to: '/strategies', labelKey: 'nav.strategies', icon: IconTargetArrow },
  { screen: 'lessons', to: '/lessons', labelKey: 'nav.lessons', icon: IconBulb },
  // Before /donors: the donor's own screen lives under it and must match first.
  { screen: 'myContributions', to: '/donors/mine', labelKey: 'nav.myContributions', icon: IconCash },
  { screen: 'donors', to: '/donors', labelKey: 'nav.donors', icon: IconPigMoney },
  { screen: 'users', to: '/users', labelKey: 'nav.users', icon: IconUsers },
  { screen: 'audit', to: '/audit', labelKey: 'nav.audit', icon: IconHistory },
  { screen: 'imports', to: '/imports', labelKey: 'nav.imports', icon: IconFileImport },
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
