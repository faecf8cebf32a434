import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { COMPLIANCE, project } from '../testing/fixtures';
import { PROJECT_COMPLIANCE_DATA_ID, PROJECT_DATA_ID, adoptInlinedProject } from './get-project';
import { projectKeys } from './keys';

/** The data blocks the API writes into a project's page it sends drawn. */
function inlined(blocks: Record<string, string>) {
  for (const [id, json] of Object.entries(blocks)) {
    const block = document.createElement('script');
    block.type = 'application/json';
    block.id = id;
    block.textContent = json;
    document.body.append(block);
  }
}

describe('a project sent inside its page', () => {
  afterEach(() => document.body.replaceChildren());

  it('is taken as the answers of the project and its paragraph 6, under its code and its id, once', () => {
    const queryClient = new QueryClient();
    inlined({
      [PROJECT_DATA_ID]: JSON.stringify(project()),
      [PROJECT_COMPLIANCE_DATA_ID]: JSON.stringify(COMPLIANCE),
    });
    adoptInlinedProject(queryClient, 'hs-2026-0004');
    expect(queryClient.getQueryData(projectKeys.detail('p-1'))).toEqual(project());
    expect(queryClient.getQueryData(projectKeys.detail('hs-2026-0004'))).toEqual(project());
    expect(queryClient.getQueryData(projectKeys.compliance('p-1'))).toEqual(COMPLIANCE);
    expect(document.getElementById(PROJECT_DATA_ID)).toBeNull();
    expect(document.getElementById(PROJECT_COMPLIANCE_DATA_ID)).toBeNull();
  });

  it('is taken under an id typed in capitals, which the API reads as the same project', () => {
    const queryClient = new QueryClient();
    inlined({ [PROJECT_DATA_ID]: JSON.stringify(project()) });
    adoptInlinedProject(queryClient, 'P-1');
    expect(queryClient.getQueryData(projectKeys.detail('P-1'))).toEqual(project());
    expect(queryClient.getQueryData(projectKeys.detail('p-1'))).toEqual(project());
  });

  it('is not taken for another address, nor when the block is damaged', () => {
    const queryClient = new QueryClient();
    inlined({ [PROJECT_DATA_ID]: JSON.stringify(project()) });
    adoptInlinedProject(queryClient, 'p-2');
    inlined({ [PROJECT_DATA_ID]: '{"id": "p-1", "code"' });
    adoptInlinedProject(queryClient, 'p-1');
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    expect(document.getElementById(PROJECT_DATA_ID)).toBeNull();
  });
});
