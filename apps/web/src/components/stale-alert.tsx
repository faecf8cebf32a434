import type { ReactNode } from 'react';
import { StaleVersionAlert, type StaleAction } from './StaleVersionAlert';

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
 * Where a button does more than the form's own: "save mine" that saves a whole draft or lays the
 * user's edits over the latest version, "use theirs" that saves over it. Each replaces the default.
 */
export interface StaleActions {
  keepMine?: Omit<StaleAction, 'label'>;
  takeTheirs?: Omit<StaleAction, 'label'>;
}

/**
 * The stale-version alert of every form (FormModalFooter's `staleAlert`, or above a page's form): null
 * until a save is refused as stale, then the alert listing what the other save changed, with "save
 * mine" submitting the form again and "use theirs" taking the latest values and forgetting the refusal.
 */
export function staleAlertFor<Field>(
  stale: StaleState<Field>,
  write: { isPending: boolean; reset?: () => void },
  /** A line for a field the other save changed; null for one the alert does not name. */
  describe: (field: Field) => ReactNode,
  wording: StaleWording = {},
  actions: StaleActions = {},
): ReactNode {
  if (!stale.stale) return null;
  return (
    <StaleVersionAlert
      title={wording.title}
      body={wording.body}
      changes={stale.changed?.map(describe).filter((line) => line !== null) ?? null}
      noChanges={wording.noChanges}
      primary={{ label: wording.keepMine, loading: write.isPending, ...actions.keepMine }}
      secondary={{
        label: wording.takeTheirs,
        onClick: () => {
          stale.takeTheirs();
          write.reset?.();
        },
        ...actions.takeTheirs,
      }}
    />
  );
}
