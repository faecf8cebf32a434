import { renderHook } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFigures } from './figures';
import { useFormatters } from './format';
import { useIntl } from './intl';
import { useProjectFormat } from './project-format';

// The Unit sits in New York: a calendar date read as an instant there falls on the day before.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

function formatters() {
  return {
    shared: renderHook(() => useFormatters()).result.current,
    intl: renderHook(() => useIntl()).result.current,
    project: renderHook(() => useProjectFormat()).result.current,
    figures: renderHook(() => useFigures()).result.current,
  };
}

describe('calendar dates west of UTC', () => {
  it('runs in New York', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York');
    expect(new Date('2023-03-01').getDate()).toBe(28);
  });

  it('shows the day the API names on every screen', () => {
    const { shared, intl, project } = formatters();
    expect(shared.date('2023-03-01')).toBe('Mar 1, 2023');
    expect(intl.calendarDate('2023-03-01')).toBe('Mar 1, 2023');
    expect(project.date('2023-03-01')).toBe('Mar 1, 2023');
  });

  it("shows an instant on the reader's day", () => {
    const { shared, project } = formatters();
    expect(shared.date('2023-03-01T03:00:00Z')).toBe('Feb 28, 2023');
    expect(project.date('2023-03-01T03:00:00Z')).toBe('Feb 28, 2023');
  });
});

describe('headline money', () => {
  it('has one short form with one decimal on every screen', () => {
    const { shared, intl, project, figures } = formatters();
    for (const short of [
      shared.moneyCompact('177400000.00'),
      intl.moneyCompact('177400000.00'),
      project.moneyCompact('177400000.00'),
      figures.usdCompact('177400000.00'),
    ]) {
      expect(short).toBe('$177.4M');
    }
    expect(shared.moneyCompact('179995053.54')).toBe('$180M');
  });
});
