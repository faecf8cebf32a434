/**
 * The cache keys of the dashboard's figures. They sum across the whole portfolio, so every write
 * that moves money or paragraph 6 (a consent, a decision, a transfer, a contribution) refreshes `all`.
 */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  overview: ['dashboard', 'overview'] as const,
  complianceSummary: ['dashboard', 'compliance-summary'] as const,
  fundLedger: ['dashboard', 'fund-ledger'] as const,
  alerts: (limit: number) => ['dashboard', 'alerts', { limit }] as const,
};
