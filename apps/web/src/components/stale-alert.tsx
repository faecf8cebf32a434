import type { ReactNode } from 'react';
import { StaleVersionAlert } from './StaleVersionAlert';

/** What a form's stale-version alert says; each line left out takes the app's common wording (`stale.*`). */
export interface StaleWording {
  title?: string;
  body?: string;
  keepMine?: string;
  takeTheirs?: string;
  noChanges?: string;
}

/** The part of useStaleMerge (lib/form) the alert reads. */
export interface StaleState<Field> {
  stale: boolean;
  changed: readonly Field[] | null;
  takeTheirs: () => void;
}

/**
 * FormModalFooter's `staleAlert` for a form that merges with useStaleMerge: null until a save is
 * refused as stale, then the alert listing the fields the other save changed, with "save mine"
 * submitting the form again and "use theirs" taking the latest values and forgetting the refusal.
 */
export function staleAlertFor<Field>(
  stale: StaleState<Field>,
  write: { isPending: boolean; reset: () => void },
  /** A line for a field the other save changed; null for one the alert does not name. */
  describe: (field: Field) => ReactNode,
  wording: StaleWording = {},
): ReactNode {
  if (!stale.stale) return null;
  return (
    <StaleVersionAlert
      title={wording.title}
      body={wording.body}
      changes={stale.changed?.map(describe).filter((line) => line !== null) ?? null}
      noChanges={wording.noChanges}
      primary={{ label: wording.keepMine, loading: write.isPending }}
      secondary={{
        label: wording.takeTheirs,
        onClick: () => {
          stale.takeTheirs();
          write.reset();
        },
      }}
    />
  );
}
