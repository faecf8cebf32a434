import { Button, Group, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../lib/format';

interface ListFooterProps {
  shown: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** How many rows are on screen, and the button that fetches the next page along the cursor. */
export function ListFooter({ shown, hasMore, loadingMore, onLoadMore }: ListFooterProps) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  return (
    <Group justify="space-between" align="center" mt="md" gap="md">
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {hasMore
          ? t('common.shown', { shown: number(shown) })
          : t('common.allShown', { shown: number(shown) })}
      </Text>
      {hasMore ? (
        <Button
          variant="default"
          onClick={onLoadMore}
          loading={loadingMore}
          rightSection={<IconChevronDown size={16} aria-hidden="true" />}
        >
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Group>
  );
}
