import {
  DuplicateDetector,
  Fingerprinter,
  type DedupeFingerprint,
  type DuplicateDetectorOptions,
  type FingerprintOptions,
} from '../near-duplicate.js';
import type { LabelledPosting } from './corpus.js';

export interface Misjudged {
  id: string;
  /** The posting it was linked to (false positive) or should have been (false negative). */
  other: string;
  title: string;
  otherTitle: string;
  edits: string[];
  titleSimilarity: number | null;
  descriptionSimilarity: number | null;
}

export interface Evaluation {
  postings: number;
  /** Postings with an earlier posting of the same cluster: each should be linked. */
  expected: number;
  /** Postings the detector linked to an earlier one. */
  predicted: number;
  /** Links into the right cluster. */
  correct: number;
  precision: number;
  recall: number;
  falsePositives: Misjudged[];
  falseNegatives: Misjudged[];
  /** Candidates checked per posting: stays flat as the set grows when LSH does its job. */
  candidatesPerQuery: number;
  seconds: { fingerprint: number; detect: number };
}

/**
 * Runs postings through a detector in order, as ingest would (find; if nothing, add as
 * canonical), and scores the links against the clusters. Precision: links into the right
 * cluster over links made. Recall: right links over postings that had an earlier copy.
 */
export function evaluateDetector(
  corpus: readonly LabelledPosting[],
  options: DuplicateDetectorOptions & FingerprintOptions = {},
  clock: () => number = () => 0,
): Evaluation {
  const fingerprinter = new Fingerprinter(options);
  let started = clock();
  const prints: DedupeFingerprint[] = corpus.map((posting) => fingerprinter.fingerprint(posting));
  const fingerprintSeconds = (clock() - started) / 1000;

  started = clock();
  const detector = new DuplicateDetector(options);
  const links: (ReturnType<DuplicateDetector['find']> | null)[] = [];
  corpus.forEach((posting, i) => {
    const print = prints[i]!;
    const match = detector.find(print);
    links.push(match);
    if (match === null) detector.add(posting.id, print);
  });
  const detectSeconds = (clock() - started) / 1000;

  const byId = new Map(corpus.map((posting, i) => [posting.id, { posting, print: prints[i]! }]));
  const firstOfCluster = new Map<string, string>();
  let expected = 0;
  let predicted = 0;
  let correct = 0;
  const falsePositives: Misjudged[] = [];
  const falseNegatives: Misjudged[] = [];
  corpus.forEach((posting, i) => {
    const match = links[i] ?? null;
    const first = firstOfCluster.get(posting.cluster);
    if (first === undefined) firstOfCluster.set(posting.cluster, posting.id);
    else expected += 1;
    if (match !== null) {
      predicted += 1;
      const other = byId.get(match.id)!.posting;
      if (other.cluster === posting.cluster) correct += 1;
      else
        falsePositives.push({
          id: posting.id,
          other: other.id,
          title: posting.title,
          otherTitle: other.title,
          edits: posting.edits,
          titleSimilarity: match.similarity.title,
          descriptionSimilarity: match.similarity.description,
        });
    }
    if (
      first !== undefined &&
      (match === null || byId.get(match.id)!.posting.cluster !== posting.cluster)
    ) {
      const other = byId.get(first)!;
      falseNegatives.push({
        id: posting.id,
        other: first,
        title: posting.title,
        otherTitle: other.posting.title,
        edits: posting.edits.length > 0 ? posting.edits : other.posting.edits,
        titleSimilarity: null,
        descriptionSimilarity: null,
      });
    }
  });
  return {
    postings: corpus.length,
    expected,
    predicted,
    correct,
    precision: predicted === 0 ? 1 : correct / predicted,
    recall: expected === 0 ? 1 : correct / expected,
    falsePositives,
    falseNegatives,
    candidatesPerQuery: detector.stats.candidates / Math.max(1, detector.stats.queries),
    seconds: { fingerprint: fingerprintSeconds, detect: detectSeconds },
  };
}
