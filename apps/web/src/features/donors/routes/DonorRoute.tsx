import { Alert, Anchor, Breadcrumbs, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowBack, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorResult } from '../../../components/QueryStates';
import { useCountryName } from '../../../lib/country-name';
import { isStaleVersion, problemSlug } from '../../../lib/field-errors';
import { notifySaved } from '../../../lib/notify';
import { ApiError, statusOf } from '../../../lib/problem';
import { useDonor } from '../api/get-donors';
import { useDeleteDonor } from '../api/save-donor';
import { ConfirmDeleteModal } from '../../../components/ConfirmDeleteModal';
import { DonorFormModal } from '../components/DonorFormModal';
import { DonorKindTag } from '../components/DonorKindTag';
import { DonorLedger } from '../../contributions';
import { DonorTracingSection } from '../../receipts';
import { DonorStatementButton } from '../../statements';

/** /donors/:id (staff, admin): one donor, its totals by year and each contribution, with the forms. */
export function DonorRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const countryName = useCountryName();
  const donor = useDonor(id);
  const remove = useDeleteDonor();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  useDocumentTitle(`${donor.data?.name ?? t('donors.title')} · ${t('app.name')}`);

  if (donor.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Text role="status" size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
        <Skeleton height={30} width="40%" aria-hidden="true" />
        <Skeleton height={100} aria-hidden="true" />
        <Skeleton height={240} aria-hidden="true" />
      </Stack>
    );
  }
  if (donor.isError) {
    const missing = statusOf(donor.error) === 404 || statusOf(donor.error) === 400;
    return (
      <Stack gap="md" align="flex-start">
        {missing ? (
          <Alert color="gray" variant="light" title={t('donors.notFound')}>
            {t('donors.notFoundBody')}
          </Alert>
        ) : (
          <ErrorResult title={t('donors.loadError')} onRetry={() => void donor.refetch()} />
        )}
        <Button
          component={Link}
          to="/donors"
          variant="default"
          leftSection={<IconArrowBack size={18} aria-hidden="true" className="directional-icon" />}
        >
          {t('donors.back')}
        </Button>
      </Stack>
    );
  }
  const current = donor.data;
  const slug = problemSlug(remove.error);
  const usage =
    remove.error instanceof ApiError
      ? (remove.error.problem as { contributions?: number; users?: number } | null)
      : null;

  return (
    <>
      <Stack gap="xs" mb="lg">
        <Breadcrumbs separator="›" aria-label={t('donors.breadcrumbs')}>
          <Anchor component={Link} to="/donors" size="sm">
            {t('donors.title')}
          </Anchor>
          <Text size="sm" aria-current="page">
            {current.name}
          </Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start">
          <Stack gap={6}>
            <Title order={1} fz={{ base: 26, sm: 30 }}>
              {current.name}
            </Title>
            <Group gap="xs">
              <DonorKindTag kind={current.kind} />
              {current.countryIso3 ? (
                <Text size="sm" c="dimmed">
                  {countryName(current.countryIso3)}
                </Text>
              ) : null}
            </Group>
          </Stack>
          <Group gap="sm">
            <DonorStatementButton donorId={current.id} />
            <Button
              variant="default"
              leftSection={<IconPencil size={18} aria-hidden="true" />}
              onClick={() => setEditing(true)}
            >
              {t('donors.edit')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              c="red.9"
              leftSection={<IconTrash size={18} aria-hidden="true" />}
              onClick={() => setDeleting(true)}
            >
              {t('donors.deleteDonor')}
            </Button>
          </Group>
        </Group>
      </Stack>
      <DonorLedger donorId={current.id} donorName={current.name} canEdit onNotice={notifySaved} />
      <DonorTracingSection donorId={current.id} />
      <DonorFormModal
        opened={editing}
        onClose={() => setEditing(false)}
        donor={current}
        onSaved={(saved) => {
          setEditing(false);
          notifySaved(t('donors.saved', { name: saved.name }));
        }}
      />
      <ConfirmDeleteModal
        opened={deleting}
        title={t('donors.delete.title')}
        body={t('donors.delete.body', { name: current.name })}
        error={
          remove.isError
            ? slug === 'donor-in-use'
              ? t('donors.delete.inUse', {
                  contributions: usage?.contributions ?? 0,
                  users: usage?.users ?? 0,
                })
              : isStaleVersion(remove.error)
                ? t('donors.delete.stale')
                : t('donors.form.tryAgain')
            : null
        }
        blocked={slug === 'donor-in-use'}
        pending={remove.isPending}
        onCancel={() => {
          setDeleting(false);
          remove.reset();
        }}
        onConfirm={() =>
          remove.mutate(
            { id: current.id, version: current.version },
            { onSuccess: () => void navigate('/donors') },
          )
        }
      />
    </>
  );
}
