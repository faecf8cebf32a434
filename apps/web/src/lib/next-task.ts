/**
 * Resolves in a task of its own, after what the browser has queued meanwhile (a frame, a tap): the
 * start of the dashboard is cut at these points into tasks short enough not to block a tap on the
 * screen already drawn (Lighthouse's total blocking time counts each task's time beyond 50 ms).
 * A message rather than a timer, as React's scheduler does: a tab opened in the background runs
 * its timers once a second at most, and would have taken a second for each of these steps.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
