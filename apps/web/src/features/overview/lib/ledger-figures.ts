/** The ledger's figures, in the order its cards and its table show them. */
export const LEDGER_FIGURES = ['received', 'committed', 'transferred', 'released', 'available'] as const;
export type LedgerFigure = (typeof LEDGER_FIGURES)[number];
