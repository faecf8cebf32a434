import { Table, VisuallyHidden } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../testing/render';
import { ScrollTable } from './ScrollTable';

describe('ScrollTable', () => {
  it('contains the hidden link text of its cells, so a wide table scrolls inside itself and not the page', async () => {
    renderWithProviders(
      <ScrollTable minWidth={320} label="Paragraph 6 compliance">
        <Table>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>
                3<VisuallyHidden> projects: compliant, funded</VisuallyHidden>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ScrollTable>,
    );
    const region = await screen.findByRole('region', { name: /Paragraph 6 compliance/ });
    expect(region).toContainElement(screen.getByText('projects: compliant, funded'));
    // Hidden text is absolutely placed (Mantine's VisuallyHidden), and an absolutely placed box is
    // clipped by a scrolling ancestor only when that ancestor is its containing block.
    expect(getComputedStyle(region).position).toBe('relative');
  });
});
