import type { Stage } from '@hstf/domain';
import { useTranslation } from 'react-i18next';

/** The words of a move: leaving a suspension is a resumption, whatever stage it returns to. */
export function useMoveLabel(from: Stage) {
  const { t } = useTranslation();
  return (to: Stage) =>
    from === 'suspended'
      ? t('suspension.resume', { stage: t(`projects.stages.${to}`) })
      : t(`projects.transitions.actions.${to}`);
}
