import { notificationsStore, useNotifications } from '@mantine/notifications';
import { Component, lazy, Suspense, useState, type ReactNode } from 'react';

// Where and how many at once, set on the store before any is shown (the component sets the same
// once mounted).
const POSITION = 'top-center' as const;
const LIMIT = 3;
notificationsStore.updateState((state) => ({ ...state, defaultPosition: POSITION, limit: LIMIT }));

/**
 * The component that shows them, with its transitions, comes with the first toast: most visits
 * save nothing, and it was a tenth of the signed-in shell's code (react-transition-group and the
 * notifications' own), downloaded and run by every first screen.
 */
const ToastList = lazy(() => import('./ToastList').then((module) => ({ default: module.ToastList })));

/**
 * Without the toasts' chunk (a tab left open across a release, the network gone), the screen stays:
 * the work was saved all the same, and the next screen tries again.
 */
export class WithoutToasts extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** The confirmations of saved work (lib/notify), shown once there is one. */
export function Toasts() {
  const { notifications: shown, queue } = useNotifications();
  const [needed, setNeeded] = useState(false);
  if (!needed && shown.length + queue.length > 0) setNeeded(true);
  if (!needed) return null;
  return (
    <WithoutToasts>
      <Suspense fallback={null}>
        <ToastList position={POSITION} limit={LIMIT} />
      </Suspense>
    </WithoutToasts>
  );
}
