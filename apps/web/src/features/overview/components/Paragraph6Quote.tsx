import { Blockquote, Box, Text, Title } from '@mantine/core';
import { IconQuote } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** General Assembly resolution 66/290, paragraph 6: the rule every project is checked against before approval. */
export function Paragraph6Quote() {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-labelledby="paragraph6-heading">
      <Title order={2} id="paragraph6-heading" fz={22} mb="md">
        {t('overview.paragraph6.title')}
      </Title>
      <Blockquote
        color="unBlue"
        radius="md"
        iconSize={40}
        icon={<IconQuote size={22} aria-hidden="true" />}
        cite={`— ${t('overview.paragraph6.cite')}`}
        styles={{
          root: { background: 'var(--mantine-color-white)', boxShadow: 'var(--mantine-shadow-xs)' },
          cite: { color: 'var(--mantine-color-dimmed)', opacity: 1, fontStyle: 'normal', fontWeight: 600 },
        }}
      >
        <Text fz="lg" fw={500} lh={1.65} c="unBlue.9">
          {t('overview.paragraph6.text')}
        </Text>
      </Blockquote>
      <Text size="sm" c="dimmed" mt="sm" maw={820}>
        {t('overview.paragraph6.meaning')}
      </Text>
    </Box>
  );
}
