import { Skeleton } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../lib/auth';
import { isRole, type Role } from '../../../lib/authorization';
import { StaffOverview } from '../components/StaffOverview';

// Donors and reviewers each have an overview of their own, in a chunk the staff never download.
const DonorOverview = lazy(() =>
  import('../components/DonorOverview').then((m) => ({ default: m.DonorOverview })),
);
const ReviewerOverview = lazy(() =>
  import('../components/ReviewerOverview').then((m) => ({ default: m.ReviewerOverview })),
);

/** The first screen after signing in, one per role: staff and admin run the Fund, donors follow it, reviewers score. */
export function OverviewRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('nav.overview')} · ${t('app.name')}`);
  const { data: user } = useCurrentUser();
  if (!user) return null;
  const role: Role = isRole(user.role) ? user.role : 'donor';

  if (role === 'reviewer' || role === 'donor')
    return (
      <Suspense fallback={<Skeleton height={160} radius="md" />}>
        {role === 'reviewer' ? (
          <ReviewerOverview role={role} name={user.name} />
        ) : (
          <DonorOverview role={role} name={user.name} donorId={user.donorId ?? null} />
        )}
      </Suspense>
    );
  return <StaffOverview role={role} name={user.name} />;
}
