import type { CountryCompliance } from '../api/get-project-compliance';

export type ConsentState =
  'in_force' | 'requested' | 'granted_lapsed' | 'refused' | 'withdrawn' | 'expired' | 'none';

/** The latest date a consent record mentions: what happened to it last. */
function lastEvent(record: CountryCompliance['consent']['records'][number]): string {
  return (
    [record.withdrawnOn, record.grantedOn, record.requestedOn]
      .filter((day): day is string => !!day)
      .sort()
      .at(-1) ?? ''
  );
}

/** The state of a country's consent to a project, in one word: in force, or what the latest record says. */
export function consentStateOf(compliance: CountryCompliance): {
  state: ConsentState;
  validUntil: string | null;
} {
  const { consent } = compliance;
  if (consent.holds) {
    const record = consent.records.find((entry) => entry.recordId === consent.recordId);
    return { state: 'in_force', validUntil: record?.validUntil ?? null };
  }
  const latest = [...consent.records].sort((a, b) => lastEvent(b).localeCompare(lastEvent(a)))[0];
  if (!latest) return { state: 'none', validUntil: null };
  const state: ConsentState = latest.status === 'granted' ? 'granted_lapsed' : latest.status;
  return { state, validUntil: latest.validUntil };
}
