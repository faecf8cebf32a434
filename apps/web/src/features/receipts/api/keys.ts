/** The cache keys of receipts and donor tracing. */
export const receiptKeys = {
  all: ['receipts'] as const,
  statement: (contributionId: string) => ['receipts', 'statement', contributionId] as const,
  tracing: (donorId: string) => ['receipts', 'tracing', donorId] as const,
  donor: (donorId: string) => ['receipts', 'donor', donorId] as const,
};
