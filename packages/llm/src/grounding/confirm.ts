import type { GroundingClaim, GroundingReport } from '@applydesk/domain';

function key(claim: GroundingClaim): string {
  return `${claim.kind ?? 'other'}\u0000${claim.text.replace(/\s+/g, ' ').trim()}`;
}

/**
 * Carries the user's confirmations from the report of the previous version of a draft to
 * the report of the edited one: a claim stays confirmed while its text is unchanged, and
 * a reworded claim must be confirmed again.
 */
export function mergeConfirmations(
  previous: GroundingReport | null,
  next: GroundingReport,
): GroundingReport {
  const confirmed = new Set(
    (previous?.claims ?? []).filter((c) => c.confirmedByUser).map((c) => key(c)),
  );
  const claims = next.claims.map((claim) =>
    confirmed.has(key(claim)) ? { ...claim, confirmedByUser: true } : claim,
  );
  return { claims, unsupportedCount: claims.filter((c) => !c.supported).length };
}

/** True while any claim the profile does not back is still unconfirmed by the user. */
export function blocksApproval(report: GroundingReport | null): boolean {
  return report !== null && report.claims.some((c) => !c.supported && !c.confirmedByUser);
}
