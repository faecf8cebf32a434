import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../lib/auth';
import { isRole, type Role } from '../../../lib/authorization';
import { DonorOverview } from '../components/DonorOverview';
import { ReviewerOverview } from '../components/ReviewerOverview';
import { StaffOverview } from '../components/StaffOverview';

/** The first screen after signing in, one per role: staff and admin run the Fund, donors follow it, reviewers score. */
export function OverviewRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('nav.overview')} · ${t('app.name')}`);
  const { data: user } = useCurrentUser();
  if (!user) return null;
  const role: Role = isRole(user.role) ? user.role : 'donor';

  if (role === 'reviewer') return <ReviewerOverview role={role} name={user.name} />;
  if (role === 'donor') return <DonorOverview role={role} name={user.name} donorId={user.donorId ?? null} />;
  return <StaffOverview role={role} name={user.name} />;
}
