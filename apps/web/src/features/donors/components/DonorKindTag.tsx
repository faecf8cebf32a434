import { useTranslation } from 'react-i18next';
import { Tag, type TagTone } from '../../../components/Tag';
import type { DonorKind } from '../lib/filters';

const TONES: Record<DonorKind, TagTone> = {
  member_state: 'blue',
  regional_organization: 'indigo',
  private_sector: 'orange',
  foundation: 'teal',
  other: 'gray',
};

export function DonorKindTag({ kind }: { kind: DonorKind }) {
  const { t } = useTranslation();
  return <Tag tone={TONES[kind]}>{t(`donors.kinds.${kind}`)}</Tag>;
}
