import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../testing/render';
import { exportHref } from '../lib/export-href';
import { ExportMenu } from './ExportMenu';

describe('exportHref', () => {
  it('sends the filters on screen, repeats arrays, drops paging and empty filters, adds format and language', () => {
    const href = exportHref(
      '/api/v1/projects',
      {
        limit: 25,
        cursor: 'abc',
        q: 'drought & flood',
        stage: ['active', 'approved'],
        window: undefined,
        kind: '',
      },
      'xlsx',
      'ar',
    );
    const url = new URL(href, 'http://localhost');
    expect(url.pathname).toBe('/api/v1/projects');
    expect(url.searchParams.get('q')).toBe('drought & flood');
    expect(url.searchParams.getAll('stage')).toEqual(['active', 'approved']);
    expect([...url.searchParams.keys()].sort()).toEqual(['format', 'lang', 'q', 'stage', 'stage']);
    expect(url.searchParams.get('format')).toBe('xlsx');
    expect(url.searchParams.get('lang')).toBe('ar');
  });
});

describe('ExportMenu', () => {
  it('offers the whole list as CSV and as Excel, as links that download', async () => {
    renderWithProviders(<ExportMenu path="/api/v1/organizations" query={{ kind: 'ngo' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const items = await screen.findAllByRole('menuitem', { hidden: true });
    expect(items.map((item) => [item.textContent, item.getAttribute('href')])).toEqual([
      ['CSV (comma-separated)', '/api/v1/organizations?kind=ngo&format=csv&lang=en'],
      ['Excel workbook', '/api/v1/organizations?kind=ngo&format=xlsx&lang=en'],
    ]);
    for (const item of items) expect(item.hasAttribute('download')).toBe(true);
  });
});
