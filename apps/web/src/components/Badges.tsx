import { Badge, type BadgeProps } from '@mantine/core';
import type { ComplianceStatus, ConsentStatus, Stage } from '@hstf/domain';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLIANCE_LOOK } from './compliance-status';
import { TONES, type Tone } from './tones';

interface ToneBadgeProps extends Omit<BadgeProps, 'color' | 'variant'> {
  tone: Tone;
  icon?: ReactNode;
  children: ReactNode;
}

export function ToneBadge({ tone, icon, children, ...props }: ToneBadgeProps) {
  const { color, background } = TONES[tone];
  return (
    <Badge
      variant="light"
      radius="sm"
      tt="none"
      fw={600}
      leftSection={icon}
      {...props}
      styles={{
        // Never cut a status short: the badge is as wide as its words.
        root: {
          color,
          background,
          border: `1px solid color-mix(in srgb, ${color} 22%, transparent)`,
          minWidth: 'fit-content',
          maxWidth: 'none',
        },
        label: { overflow: 'visible' },
      }}
    >
      {children}
    </Badge>
  );
}

const STAGE_TONES: Record<Stage, Tone> = {
  concept_note: 'slate',
  full_proposal: 'indigo',
  under_review: 'grape',
  revision_requested: 'amber',
  approved: 'teal',
  active: 'blue',
  suspended: 'red',
  completed: 'green',
  closed: 'gray',
  rejected: 'red',
  withdrawn: 'gray',
};

export function StageBadge({ stage, size = 'md' }: { stage: Stage; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <ToneBadge tone={STAGE_TONES[stage]} size={size} data-stage={stage}>
      {t(`projects.stages.${stage}`)}
    </ToneBadge>
  );
}

/**
 * Paragraph 6 status, with the one label and colour every screen uses for it (COMPLIANCE_LOOK);
 * `count`, when given, follows the label (a tally).
 */
export function ComplianceBadge({
  status,
  size = 'md',
  count,
}: {
  status: ComplianceStatus;
  size?: BadgeProps['size'];
  count?: ReactNode;
}) {
  const { t } = useTranslation();
  const { tone, Icon } = COMPLIANCE_LOOK[status];
  return (
    <ToneBadge tone={tone} size={size} icon={<Icon size={14} aria-hidden="true" />} data-status={status}>
      {t(`paragraph6Status.${status}`)}
      {count !== undefined ? <> {count}</> : null}
    </ToneBadge>
  );
}

const CONSENT_TONES: Record<ConsentStatus, Tone> = {
  requested: 'amber',
  granted: 'green',
  refused: 'red',
  withdrawn: 'red',
  expired: 'gray',
};

export function ConsentStatusBadge({ status }: { status: ConsentStatus }) {
  const { t } = useTranslation();
  return (
    <ToneBadge tone={CONSENT_TONES[status]} size="sm">
      {t(`projects.consent.status.${status}`)}
    </ToneBadge>
  );
}

export function PassBadge({ passes, size = 'lg' }: { passes: boolean; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return passes ? (
    <ToneBadge tone="green" size={size} icon={<IconCircleCheck size={16} aria-hidden="true" />}>
      {t('projects.scorecard.passes')}
    </ToneBadge>
  ) : (
    <ToneBadge tone="red" size={size} icon={<IconCircleX size={16} aria-hidden="true" />}>
      {t('projects.scorecard.fails')}
    </ToneBadge>
  );
}

export function DisagreementBadge({ moderated }: { moderated: boolean }) {
  const { t } = useTranslation();
  return (
    <ToneBadge
      tone={moderated ? 'indigo' : 'amber'}
      size="sm"
      icon={<IconAlertTriangle size={13} aria-hidden="true" />}
    >
      {moderated ? t('projects.scorecard.disagreementModerated') : t('projects.scorecard.disagreement')}
    </ToneBadge>
  );
}
