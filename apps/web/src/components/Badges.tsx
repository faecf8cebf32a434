import { Badge, type BadgeProps } from '@mantine/core';
import type { ComplianceStatus, ConsentStatus, Stage } from '@hstf/domain';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4, IconCircleX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Text on its own tint at 7:1 or more (WCAG AAA), so a badge stays readable on any row. */
const TONES = {
  gray: { color: '#3d444b', background: '#eef0f2' },
  slate: { color: '#2c3e50', background: '#e3e9ef' },
  indigo: { color: '#2f3e9e', background: '#eceffd' },
  grape: { color: '#6b2380', background: '#f6ebfa' },
  blue: { color: '#00558c', background: '#e6f4fb' },
  teal: { color: '#0b5d45', background: '#e3f6f1' },
  green: { color: '#1e5b24', background: '#e6f4e7' },
  amber: { color: '#704300', background: '#fff3d6' },
  red: { color: '#9b1c1c', background: '#fdecec' },
} as const;

type Tone = keyof typeof TONES;

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

const COMPLIANCE = {
  compliant: { tone: 'green', Icon: IconCircleCheck },
  pending: { tone: 'amber', Icon: IconClockHour4 },
  non_compliant: { tone: 'red', Icon: IconCircleX },
} as const satisfies Record<ComplianceStatus, { tone: Tone; Icon: typeof IconCircleCheck }>;

export function ComplianceBadge({
  status,
  size = 'md',
}: {
  status: ComplianceStatus;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  const { tone, Icon } = COMPLIANCE[status];
  return (
    <ToneBadge tone={tone} size={size} icon={<Icon size={14} aria-hidden="true" />} data-status={status}>
      {t(`projects.compliance.${status}`)}
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
