import { COMPLIANCE_STATUSES } from '@hstf/domain';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../testing/render';
import { ComplianceBadge } from './Badges';
import { COMPLIANCE_LOOK, complianceColor } from './compliance-status';
import { TONES } from './tones';

const shell = import.meta.glob<Record<string, unknown>>('../i18n/locales/*.json', {
  eager: true,
  import: 'default',
});
const features = import.meta.glob<Record<string, unknown>>('../features/*/locales/*.json', {
  eager: true,
  import: 'default',
});

/** Every object in the tree that names paragraph 6 statuses (has both compliant and non_compliant). */
function statusLabelSets(tree: unknown, path = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [];
  const here = 'compliant' in tree && 'non_compliant' in tree ? [path] : [];
  return [
    ...here,
    ...Object.entries(tree).flatMap(([key, value]) => statusLabelSets(value, `${path}.${key}`)),
  ];
}

describe('paragraph 6 status: one label and one colour everywhere', () => {
  it('is named once, in the shell strings of all six languages, and nowhere else', () => {
    expect(Object.keys(shell)).toHaveLength(6);
    for (const [file, strings] of Object.entries(shell)) {
      const labels = strings['paragraph6Status'] as Record<string, string>;
      expect({ file, keys: Object.keys(labels).sort() }).toEqual({
        file,
        keys: [...COMPLIANCE_STATUSES].sort(),
      });
      expect(statusLabelSets(strings)).toEqual(['.paragraph6Status']);
    }
    for (const [file, strings] of Object.entries(features)) {
      expect({ file, sets: statusLabelSets(strings) }).toEqual({ file, sets: [] });
    }
  });

  it.each(COMPLIANCE_STATUSES)('shows %s with its one label and colour', (status) => {
    renderWithProviders(<ComplianceBadge status={status} />);
    const badge = document.querySelector(`[data-status="${status}"]`) as HTMLElement;
    const label = (shell['../i18n/locales/en.json']!['paragraph6Status'] as Record<string, string>)[status]!;
    expect(badge).toHaveTextContent(label);
    expect(screen.getByText(label)).toBeInTheDocument();
    // The badge and the overview's figures take the same colour from the one map.
    expect(badge).toHaveStyle({ color: complianceColor(status) });
    expect(complianceColor(status)).toBe(TONES[COMPLIANCE_LOOK[status].tone].color);
  });

  it('keeps red for a failure only: a proposal not yet asked is grey', () => {
    const tones = COMPLIANCE_STATUSES.map((status) => COMPLIANCE_LOOK[status].tone);
    expect(new Set(tones).size).toBe(tones.length);
    expect(COMPLIANCE_LOOK.non_compliant.tone).toBe('red');
    expect(COMPLIANCE_LOOK.not_requested.tone).toBe('gray');
  });
});
