import { useTranslation } from 'react-i18next';
import { Tag, type TagTone } from '../../../components/Tag';
import type { ReviewStatus } from '../api/get-my-reviews';

const TONES: Record<ReviewStatus, TagTone> = {
  assigned: 'blue',
  draft: 'orange',
  submitted: 'teal',
  declined_conflict: 'grape',
};

export function ReviewStatusTag({ status }: { status: ReviewStatus }) {
  const { t } = useTranslation();
  return (
    <Tag tone={TONES[status]} data-status={status} miw="max-content">
      {t(`reviews.status.${status}`)}
    </Tag>
  );
}
