import type { ComplianceStatus } from '@hstf/domain';
import { IconCircleCheck, IconCircleDashed, IconCircleX, IconClockHour4 } from '@tabler/icons-react';
import { TONES, type Tone } from './tones';

/**
 * One colour and one icon per paragraph 6 status, for every badge, legend and figure; the label is
 * `paragraph6Status.<status>` in the shell's strings. A proposal that has not asked for consent yet
 * is grey: not a failure.
 */
export const COMPLIANCE_LOOK: Record<ComplianceStatus, { tone: Tone; Icon: typeof IconCircleCheck }> = {
  compliant: { tone: 'green', Icon: IconCircleCheck },
  pending: { tone: 'amber', Icon: IconClockHour4 },
  not_requested: { tone: 'gray', Icon: IconCircleDashed },
  non_compliant: { tone: 'red', Icon: IconCircleX },
};

/** The status's text colour, for a figure or a dot beside its label. */
export function complianceColor(status: ComplianceStatus): string {
  return TONES[COMPLIANCE_LOOK[status].tone].color;
}
