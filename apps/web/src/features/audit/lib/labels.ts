import { useTranslation } from 'react-i18next';
import { entityLabel, actionLabel } from '../../../lib/audit-words';

/** Entity and action names in the reader's language; anything new shows as the API names it. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    entityLabel: (entity: string) => entityLabel(t, entity),
    actionLabel: (action: string) => actionLabel(t, action),
  };
}
