import { Button, Group, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../lib/format';

export interface ListTotal {
  count: number;
  /** False when the API estimated a large count: it is said "about", rounded. */
  exact: boolean;
}

interface ListFooterProps {
  shown: number;
  /** How many the filters hold, when the list can say. */
  total?: ListTotal;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** How many rows are on screen, and the button that fetches the next page along the cursor. */
export function ListFooter({ shown, total, hasMore, loadingMore, onLoadMore }: ListFooterProps) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  return (
    <Group justify="space-between" align="center" mt="md" gap="md">
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {!hasMore
          ? t('common.allShown', { shown: number(shown) })
          : total?.exact
            ? t('common.shownOf', { shown: number(shown), total: number(total.count) })
            : total
              ? t('common.shownOfAbout', {
                  shown: number(shown),
                  total: number(Number(total.count.toPrecision(2))),
                })
              : t('common.shown', { shown: number(shown) })}
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
