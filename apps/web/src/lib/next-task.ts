/**
 * Resolves in a task of its own, after what the browser has queued meanwhile (a frame, a tap): the
 * start of the dashboard is cut at these points into tasks short enough not to block a tap on the
 * screen already drawn (Lighthouse's total blocking time counts each task's time beyond 50 ms).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
