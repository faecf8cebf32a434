import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useCurrentUser } from '../../../lib/auth';
import { MyReviewQueue } from '../components/MyReviewQueue';
import { StaffReviewsBoard } from '../components/StaffReviewsBoard';

/** /reviews: a reviewer's queue, or for staff and admins the board of proposals under review. */
export function ReviewsRoute() {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  const reviewer = user?.role === 'reviewer';
  useDocumentTitle(`${t('reviews.title')} · ${t('app.name')}`);
  return (
    <>
      <PageHeader
        title={reviewer ? t('reviews.queue.title') : t('reviews.title')}
        description={reviewer ? t('reviews.queue.description') : t('reviews.board.description')}
      />
      {reviewer ? <MyReviewQueue /> : <StaffReviewsBoard isAdmin={user?.role === 'admin'} />}
    </>
  );
}
