import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { HUMAN_SECURITY_DIMENSIONS, PRINCIPLE_IDS } from '@hstf/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ToneBadge } from '../../../components/Badges';
import { ConfirmDeleteModal } from '../../../components/ConfirmDeleteModal';
import { ListFooter } from '../../../components/ListFooter';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { useCurrentUser } from '../../../lib/auth';
import { useCountryName } from '../../../lib/country-name';
import { notifySaved } from '../../../lib/notify';
import { useProblemText } from '../../../lib/use-problem-text';
import { useLessons, useRemoveLesson, type Lesson } from '../api/lessons';
import { LessonFormModal } from '../components/LessonFormModal';

/** /lessons: lessons learned, searched by words and tags; staff write them, donors read the public ones. */
export function LessonsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('lessons.title')} · ${t('app.name')}`);
  const { data: user } = useCurrentUser();
  const canEdit = user?.role === 'admin' || user?.role === 'staff';
  const [q, setQ] = useState('');
  const [principle, setPrinciple] = useState('');
  const [dimension, setDimension] = useState('');
  const [search] = useDebouncedValue(q, 300);
  const lessons = useLessons({ q: search, principle, dimension, country: '' });
  const items = lessons.data?.pages.flatMap((page) => page.items) ?? [];
  const [editing, setEditing] = useState<Lesson | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('lessons.title')}
        description={canEdit ? t('lessons.description') : t('lessons.descriptionDonor')}
        actions={
          canEdit ? (
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setEditing('new')}>
              {t('lessons.create')}
            </Button>
          ) : null
        }
      />
      <Paper withBorder radius="md" p="md" mb="md" component="search" aria-label={t('lessons.filters.label')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('lessons.filters.q')}
            placeholder={t('lessons.filters.qPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
          />
          <Select
            label={t('lessons.fields.principles')}
            placeholder={t('lessons.filters.any')}
            clearable
            data={PRINCIPLE_IDS.map((id) => ({ value: id, label: t(`projects.principles.${id}`) }))}
            value={principle || null}
            onChange={(value) => setPrinciple(value ?? '')}
          />
          <Select
            label={t('lessons.fields.dimensions')}
            placeholder={t('lessons.filters.any')}
            clearable
            data={HUMAN_SECURITY_DIMENSIONS.map((id) => ({
              value: id,
              label: t(`projects.dimensions.${id}`),
            }))}
            value={dimension || null}
            onChange={(value) => setDimension(value ?? '')}
          />
        </SimpleGrid>
      </Paper>
      {lessons.isError && !lessons.data ? (
        <ErrorResult title={t('lessons.error')} onRetry={() => void lessons.refetch()} />
      ) : lessons.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={120} />
          <Skeleton height={120} />
        </Stack>
      ) : items.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyResult title={t('lessons.empty')} body={t('common.emptyFiltersBody')} />
        </Paper>
      ) : (
        <Stack gap="md">
          {items.map((lesson) => (
            <LessonCard
              key={lesson.id}
              lesson={lesson}
              canEdit={canEdit}
              linkProject={canEdit || user?.role === 'donor'}
              onEdit={() => setEditing(lesson)}
            />
          ))}
          <ListFooter
            shown={items.length}
            hasMore={lessons.hasNextPage}
            loadingMore={lessons.isFetchingNextPage}
            onLoadMore={() => void lessons.fetchNextPage()}
          />
        </Stack>
      )}
      <LessonFormModal
        lesson={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          notifySaved(t('lessons.saved'));
        }}
      />
    </>
  );
}

function LessonCard({
  lesson,
  canEdit,
  linkProject,
  onEdit,
}: {
  lesson: Lesson;
  canEdit: boolean;
  linkProject: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (
    <Paper withBorder radius="md" p="lg" component="article" aria-labelledby={`lesson-${lesson.id}`}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="xs">
        <Stack gap={2}>
          <Title order={2} fz="md" id={`lesson-${lesson.id}`} dir="auto">
            {lesson.title}
          </Title>
          <Text size="sm" c="dimmed">
            {linkProject ? (
              <Anchor
                component={Link}
                to={`/projects/${lesson.projectId}`}
                size="sm"
                dir="ltr"
                underline="always"
              >
                {lesson.projectCode}
              </Anchor>
            ) : (
              <span dir="ltr">{lesson.projectCode}</span>
            )}
            {' · '}
            <span dir="auto">{lesson.projectTitle}</span>
          </Text>
        </Stack>
        <Group gap="xs">
          {canEdit ? (
            <ToneBadge tone={lesson.public ? 'green' : 'gray'} size="sm">
              {lesson.public ? t('lessons.public') : t('lessons.internal')}
            </ToneBadge>
          ) : null}
          {canEdit ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPencil size={14} aria-hidden="true" />}
              onClick={onEdit}
              aria-label={t('lessons.editOne', { title: lesson.title })}
            >
              {t('lessons.edit')}
            </Button>
          ) : null}
          {canEdit ? <RemoveLesson lesson={lesson} /> : null}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap={2}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            {t('lessons.fields.whatHappened')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {lesson.whatHappened}
          </Text>
        </Stack>
        <Stack gap={2}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            {t('lessons.fields.whatLearned')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {lesson.whatLearned}
          </Text>
        </Stack>
      </SimpleGrid>
      <Group gap={6} mt="sm" wrap="wrap">
        {lesson.principles.map((id) => (
          <ToneBadge key={id} tone="indigo" size="sm">
            {t(`projects.principles.${id}`)}
          </ToneBadge>
        ))}
        {lesson.dimensions.map((id) => (
          <ToneBadge key={id} tone="teal" size="sm">
            {t(`projects.dimensions.${id}`)}
          </ToneBadge>
        ))}
        {lesson.countries.map((iso3) => (
          <ToneBadge key={iso3} tone="slate" size="sm">
            {countryName(iso3)}
          </ToneBadge>
        ))}
        {lesson.themes.map((theme) => (
          <ToneBadge key={theme} tone="amber" size="sm">
            {theme}
          </ToneBadge>
        ))}
      </Group>
    </Paper>
  );
}

/** Deletes a lesson after a confirmation, on the version the list read. */
function RemoveLesson({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const remove = useRemoveLesson();
  const [opened, setOpened] = useState(false);
  const close = () => {
    setOpened(false);
    remove.reset();
  };
  return (
    <>
      <Button
        size="xs"
        variant="default"
        color="red.9"
        leftSection={<IconTrash size={14} aria-hidden="true" />}
        onClick={() => setOpened(true)}
        aria-label={t('lessons.deleteOne', { title: lesson.title })}
      >
        {t('lessons.delete')}
      </Button>
      <ConfirmDeleteModal
        opened={opened}
        title={t('lessons.deleteOne', { title: lesson.title })}
        body={t('lessons.deleteBody')}
        error={remove.isError ? problemText(remove.error) : null}
        pending={remove.isPending}
        onCancel={close}
        onConfirm={() =>
          remove.mutate(
            { id: lesson.id, version: lesson.version },
            {
              onSuccess: () => {
                close();
                notifySaved(t('lessons.deleted'));
              },
            },
          )
        }
      />
    </>
  );
}
