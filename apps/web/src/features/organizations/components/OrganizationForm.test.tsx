import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import type { Organization } from '../api/get-organizations';
import { OrganizationForm } from './OrganizationFormModal';

configure({ asyncUtilTimeout: 5000 });

function api() {
  const writes: { method: string; url: string; body: Record<string, unknown> }[] = [];
  mockFetch(async (request) => {
    const body = (await request.json()) as Record<string, unknown>;
    writes.push({ method: request.method, url: request.url, body });
    return json({ id: 'o-1', version: 2, ...body }, { status: request.method === 'POST' ? 201 : 200 });
  });
  return writes;
}

const undp: Organization = {
  id: 'o-1',
  name: 'United Nations Development Programme',
  acronym: 'UNDP',
  kind: 'un_entity',
  contactName: 'Lucie Martin',
  contactEmail: 'lucie.martin@undp.org',
  contactLanguage: 'fr',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the organization form', { timeout: 30_000 }, () => {
  it('names a contact address that is not one before sending anything', async () => {
    const writes = api();
    renderWithProviders(<OrganizationForm organization={null} onCancel={() => {}} onSaved={vi.fn()} />);
    fireEvent.change(screen.getByRole('textbox', { name: /^Name/ }), { target: { value: 'UN-Habitat' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Contact email/ }), {
      target: { value: 'not an address' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Enter an email address, such as name@example.org.')).toBeInTheDocument();
    expect(writes).toEqual([]);
  });

  it('records a contact with its language, and sends only what changed, a cleared contact as null', async () => {
    const writes = api();
    const onSaved = vi.fn();
    renderWithProviders(<OrganizationForm organization={undp} onCancel={() => {}} onSaved={onSaved} />);
    expect(screen.getByRole('textbox', { name: /^Contact email/ })).toHaveValue('lucie.martin@undp.org');
    expect(screen.getByRole('combobox', { name: /^Language of the contact/ })).toHaveValue('fr');

    fireEvent.change(screen.getByRole('textbox', { name: /^Contact name/ }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: /^Language of the contact/ }), {
      target: { value: 'ar' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(writes).toHaveLength(1);
    expect(writes[0]!.method).toBe('PATCH');
    expect(writes[0]!.url).toContain('/api/v1/organizations/o-1');
    expect(writes[0]!.body).toEqual({ contactName: null, contactLanguage: 'ar', version: 1 });
  });
});
