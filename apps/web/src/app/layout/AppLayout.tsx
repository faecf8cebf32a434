import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Button,
  Group,
  NavLink,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import '@mantine/notifications/styles.css';
import { IconLogout } from '@tabler/icons-react';
import { initials } from '@hstf/domain';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Link,
  Navigate,
  NavigationType,
  NavLink as RouterNavLink,
  Outlet,
  useLocation,
  useNavigate,
  useNavigationType,
} from 'react-router';
import { BrandMark } from '../../components/BrandMark';
import { FullPageLoader } from '../../components/FullPageLoader';
import { LanguagePicker } from '../../components/LanguagePicker';
import { ErrorResult } from '../../components/ErrorResult';
import { Tag } from '../../components/Tag';
import { SIGN_IN_PATH, signInPathFor, useCurrentUser, useSignOut, type User } from '../../lib/auth';
import { canOpen, isRole } from '../../lib/authorization';
import { NotificationBell } from '../../features/notifications';
import { Toasts } from './Toasts';
import { NotFoundRoute } from '../routes/NotFoundRoute';
import { navItemsFor, screenOf } from './navigation';

/** The signed-in frame of every screen; anyone without a session is sent to sign in first. */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: user, isPending, isError, refetch } = useCurrentUser();

  if (isPending) return <FullPageLoader />;
  if (isError) {
    return (
      <Box p="xl" maw={640} mx="auto">
        <ErrorResult title={t('common.sessionCheckFailed')} onRetry={() => void refetch()} />
      </Box>
    );
  }
  if (!user) {
    return <Navigate to={signInPathFor(`${location.pathname}${location.search}`)} replace />;
  }
  return <Shell user={user} />;
}

/**
 * The frame around a signed-in screen: the header, the navigation, and the screen in <main>. Drawn
 * at build time too, around the overview's first screen (app/prerender), which the API sends.
 */
export function Shell({ user }: { user: User }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const navigationType = useNavigationType();
  const [opened, { toggle, close }] = useDisclosure(false);
  const signOut = useSignOut();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);
  const role = isRole(user.role) ? user.role : null;
  const items = navItemsFor(user.role);
  const screen = screenOf(location.pathname);
  const allowed = screen === null || canOpen(user.role, screen);

  // After a navigation, move focus to the new page so screen readers start reading it (WCAG 2.4.3),
  // and show a new page from its top: a project opened from the middle of the list, or the one just
  // created or saved, would otherwise open where the last page was scrolled. Back and forward (POP)
  // keep the place the browser restores; a new filter or tab (the same path) keeps the place too.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    close();
    if (navigationType !== NavigationType.Pop) window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname, navigationType, close]);

  const handleSignOut = () => {
    signOut.mutate(undefined, { onSettled: () => void navigate(SIGN_IN_PATH, { replace: true }) });
  };

  const roleLabel = role ? t(`roles.${role}`) : user.role;

  return (
    <>
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      {/* Confirmations of saved work (lib/notify): only signed-in screens save, so the sign-in page does not load them. */}
      <Toasts />
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'md', sm: 'xl' }}
      >
        <AppShell.Header withBorder>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('nav.close') : t('nav.open')}
                aria-expanded={opened}
                aria-controls="app-navbar"
              />
              <Group
                gap={10}
                wrap="nowrap"
                renderRoot={(props) => <Link to="/" {...props} />}
                style={{ textDecoration: 'none', color: 'inherit' }}
              >
                <BrandMark size={34} />
                {/* On a phone the mark alone: the name beside the language and sign-out pushed them off screen.
                    The link is still named there, and elsewhere by the text it shows. */}
                <VisuallyHidden hiddenFrom="xs">{t('app.name')}</VisuallyHidden>
                <Stack gap={0} visibleFrom="xs">
                  <Text fw={700} fz={{ base: 'md', sm: 'lg' }} lh={1.15}>
                    {t('app.name')}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.2} visibleFrom="md">
                    {t('app.fund')}
                  </Text>
                </Stack>
              </Group>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <NotificationBell isAdmin={user.role === 'admin'} />
              {/* Sized by the stylesheet, not by script: the header the API draws (app/prerender) is the one React draws, at every width. */}
              <LanguagePicker size="sm" w={{ base: 136, sm: 150 }} />
              <Group
                gap={10}
                wrap="nowrap"
                visibleFrom="sm"
                renderRoot={(props) => <Link to="/account" {...props} />}
                title={t('accessTokens.account.open')}
                style={{ textDecoration: 'none', color: 'inherit' }}
              >
                <Avatar color="unBlue" radius="xl" size={36} aria-hidden="true">
                  {initials(user.name)}
                </Avatar>
                <Stack gap={2}>
                  <Text size="sm" fw={600} lh={1.2} data-testid="user-name">
                    {user.name}
                  </Text>
                  <Tag tone="blue" size="sm" data-testid="user-role">
                    {roleLabel}
                  </Tag>
                </Stack>
              </Group>
              <Button
                variant="default"
                size="sm"
                onClick={handleSignOut}
                loading={signOut.isPending}
                leftSection={<IconLogout size={18} aria-hidden="true" className="directional-icon" />}
                aria-label={t('auth.signOut')}
              >
                {/* On a phone the icon alone, named by aria-label. */}
                <Box component="span" visibleFrom="sm">
                  {t('auth.signOut')}
                </Box>
              </Button>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar id="app-navbar" p="sm" aria-label={t('nav.label')}>
          {/* Native scrolling: Mantine's ScrollArea measured the list after every render, a forced layout. */}
          <AppShell.Section grow style={{ overflowY: 'auto', minHeight: 0 }}>
            <Stack gap={4}>
              {items.map((item) => {
                const active =
                  item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to);
                return (
                  <NavLink
                    key={item.to}
                    component={RouterNavLink}
                    to={item.to}
                    end={item.to === '/'}
                    label={t(item.labelKey)}
                    leftSection={<item.icon size={20} stroke={1.7} aria-hidden="true" />}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    variant="filled"
                    fw={500}
                    style={{ borderRadius: 'var(--mantine-radius-md)' }}
                  />
                );
              })}
            </Stack>
          </AppShell.Section>
          <AppShell.Section>
            <Box
              hiddenFrom="sm"
              py="sm"
              px="xs"
              style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
            >
              <Text size="sm" fw={600} component={Link} to="/account" c="inherit" td="none">
                {user.name}
              </Text>
              <Text size="xs" c="dimmed">
                {roleLabel}
              </Text>
            </Box>
            <Text size="xs" c="dimmed" px="xs" py="sm">
              {t('app.fund')}
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1}>
          <Box maw={1200} mx="auto">
            {allowed ? <Outlet /> : <NotFoundRoute />}
          </Box>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
