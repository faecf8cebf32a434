import { Modal } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../testing/render';

describe('theme', () => {
  it('gives a dialog no banner landmark of its own beside the app header', async () => {
    renderWithProviders(
      <Modal opened onClose={() => undefined} title="Record a consent">
        body
      </Modal>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Record a consent' });
    expect(dialog.querySelector('header')).toBeNull();
    expect(screen.queryByRole('banner')).toBeNull();
  });
});
