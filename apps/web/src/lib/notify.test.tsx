import { screen } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { renderWithProviders } from '../testing/render';
import { notifySaved } from './notify';

describe('notifySaved', () => {
  it('says what was saved politely and names its close button in the reader’s language', async () => {
    await i18n.changeLanguage('es');
    renderWithProviders(<div />);
    act(() => notifySaved('Guardado.'));
    const toast = await screen.findByText('Guardado.');
    expect(toast.closest('[role="status"]')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Cerrar el mensaje' })).toBeInTheDocument();
  });
});
