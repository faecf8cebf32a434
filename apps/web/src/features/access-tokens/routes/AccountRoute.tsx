import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { isRole } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useCurrentUser } from '../../../lib/auth';
import { AccessTokensPanel } from '../components/AccessTokensPanel';

/** /account: who I am signed in as, and my personal access tokens. */
export function AccountRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('accessTokens.account.title')} · ${t('app.name')}`);
  const { data: user } = useCurrentUser();

  return (
    <>
      <PageHeader
        title={t('accessTokens.account.title')}
        description={t('accessTokens.account.description')}
      />
      <Stack gap="lg">
        {user ? (
          <Paper withBorder radius="md" p="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {t('accessTokens.account.name')}
                </Text>
                <Text fw={600} dir="auto">
                  {user.name}
                </Text>
              </Stack>
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {t('accessTokens.account.email')}
                </Text>
                <Text fw={600} dir="ltr" ta="start">
                  {user.email}
                </Text>
              </Stack>
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {t('accessTokens.account.role')}
                </Text>
                <Text fw={600}>{isRole(user.role) ? t(`roles.${user.role}`) : user.role}</Text>
              </Stack>
            </SimpleGrid>
          </Paper>
        ) : null}
        <AccessTokensPanel />
      </Stack>
    </>
  );
}
