/** After a refused save, move focus to the list of problems so it is read out first (WCAG 3.3.1). */
export function focusErrorSummary(): void {
  window.setTimeout(() => {
    const summary = document.getElementById('project-form-errors');
    if (summary) {
      summary.focus();
      summary.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    }
  }, 0);
}
