import { useTranslation } from 'react-i18next';
import { KNOWN_ACTIONS, KNOWN_ENTITIES } from './filters';

/** Entity and action names in the reader's language; anything new shows as the API names it. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    entityLabel: (entity: string) =>
      (KNOWN_ENTITIES as readonly string[]).includes(entity)
        ? t(`audit.entities.${entity as (typeof KNOWN_ENTITIES)[number]}`)
        : entity,
    actionLabel: (action: string) =>
      (KNOWN_ACTIONS as readonly string[]).includes(action)
        ? t(`audit.actions.${action as (typeof KNOWN_ACTIONS)[number]}`)
        : action,
  };
}
