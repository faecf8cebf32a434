import { Card, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import {
  IconHeartHandshake,
  IconMapPin,
  IconShieldCheck,
  IconTopologyStar3,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';

/** The five principles of the human security approach, in the order reviewers score them. */
const PRINCIPLES = [
  { key: 'peopleCentred', icon: IconUsersGroup },
  { key: 'comprehensive', icon: IconTopologyStar3 },
  { key: 'contextSpecific', icon: IconMapPin },
  { key: 'preventionOriented', icon: IconShieldCheck },
  { key: 'protectionEmpowerment', icon: IconHeartHandshake },
] as const;

export function PrinciplesGrid() {
  const { t } = useTranslation();
  const { number } = useFormatters();
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, lg: 5 }}
      spacing="md"
      component="ol"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {PRINCIPLES.map(({ key, icon: Icon }, index) => (
        <Card key={key} component="li" withBorder radius="md" padding="md">
          <ThemeIcon size={38} radius="md" variant="light" color="unBlue" mb="sm" aria-hidden="true">
            <Icon size={22} />
          </ThemeIcon>
          <Text size="xs" c="dimmed" fw={600} aria-hidden="true">
            {number(index + 1)}
          </Text>
          <Text fw={650} mb={4}>
            {t(`overview.principles.${key}.name`)}
          </Text>
          <Text size="sm" c="dimmed" lh={1.5}>
            {t(`overview.principles.${key}.description`)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
