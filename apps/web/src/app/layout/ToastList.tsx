import { Notifications } from '@mantine/notifications';

/** The toasts themselves, in a chunk of their own that comes with the first (Toasts.tsx). */
export function ToastList({ position, limit }: { position: 'top-center'; limit: number }) {
  return <Notifications position={position} limit={limit} />;
}
