import type { ReactNode } from 'react';
import type { Match } from '../types.ts';

const MARK: Record<Match['reasons'][number]['kind'], string> = { plus: '+', minus: '−', info: '·' };

/** Why a posting scores as it does: each reason marked as for, against or just so. */
export function Reasons({ match, limit }: { match: Match; limit?: number }): ReactNode {
  return (
    <ul className="reasons">
      {match.reasons.slice(0, limit).map((r, i) => (
        <li key={i} className={`reason-${r.kind}`}>
          <span aria-hidden="true">{MARK[r.kind]}</span> {r.text}
        </li>
      ))}
    </ul>
  );
}
