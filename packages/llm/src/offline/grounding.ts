import type { GroundingClaim, GroundingReport } from '@applydesk/domain';

/**
 * The claims a draft makes about the user, each with the profile text that backs it.
 * Writers add a claim where they write it, so no statement about the user goes unrecorded.
 */
export class ClaimLedger {
  private readonly claims: GroundingClaim[] = [];

  /** Records a claim backed by `evidence` (exact profile text) and returns the claim text. */
  add(text: string, evidence: string): string {
    this.claims.push({ text, supported: true, evidence, confirmedByUser: false });
    return text;
  }

  report(): GroundingReport {
    return {
      claims: [...this.claims],
      unsupportedCount: this.claims.filter((c) => !c.supported).length,
    };
  }
}
