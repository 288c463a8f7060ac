import { DomainError } from '@applydesk/domain';
import { failureKind, type HttpFailureKind } from '../http/http-client.js';

/**
 * Sources whose list carries no description (SmartRecruiters, Workday) read each posting's
 * detail too. One failed detail must not cost the run: a posting closed meanwhile (404) is
 * dropped, and any other failure yields the list item, which normalize refuses by id so it
 * shows among the run's invalid postings. But a throttled, blocked or refused source stops at
 * once, and when every detail failed the source itself is failing.
 */

/** Failures of one detail that must stop the source: it is throttled, blocked or shut out. */
const STOPS_SOURCE: ReadonlySet<HttpFailureKind> = new Set(['rate_limited', 'blocked', 'auth']);

export class DetailReads {
  private read = 0;
  private failed = 0;
  private lastFailure: DomainError | null = null;

  /** @param label what the details are, for the failure when all fail ("Workday job details"). */
  constructor(private readonly label: string) {}

  /**
   * The detail `read` returns; else the list item when the failure leaves the run going;
   * undefined when the posting is gone (404). Throws the failures that stop the source.
   */
  async detailOr(item: unknown, read: () => Promise<unknown>): Promise<unknown> {
    try {
      const detail = await read();
      this.read += 1;
      return detail;
    } catch (error) {
      const kind = failureKind(error);
      if (kind === 'not_found') return undefined; // closed between the list and its detail
      if (kind === null || STOPS_SOURCE.has(kind) || !(error instanceof DomainError)) throw error;
      this.failed += 1;
      this.lastFailure = error;
      return item;
    }
  }

  /** Throws when details failed and none was read: the source is failing, not some postings. */
  assertSomeRead(): void {
    const last = this.lastFailure;
    if (this.failed === 0 || this.read > 0 || last === null) return;
    throw new DomainError(
      'UPSTREAM_FAILED',
      `all ${this.failed} ${this.label} failed; the last: ${last.message}`,
      { details: last.details, cause: last },
    );
  }
}
