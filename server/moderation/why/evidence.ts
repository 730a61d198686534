// The words and features that weighed most for the learning filter's score of one reactie, for
// "Waarom hier?" (reasons.ts). The spam filter's classifier is to export a function that lists them
// (server/spam/classifier/); connect it here, in classifierEvidence, and the queue lists them under
// the filter's line. Until then it lists none, and the view shows nothing for them.
import type { ClassifiedContent } from '../../spam/classifier/features';

export interface Evidence {
  /** The word or feature as a moderator reads it: "casino", "link naar een verkorte URL". */
  label: string;
  /** How much it pushed towards spam (positive) or towards a normal reactie (negative). */
  weight: number;
}

/** The heaviest evidence for this reactie's score, heaviest first; none until the classifier can say. */
export function classifierEvidence(content: ClassifiedContent): Evidence[] {
  // CONNECT: return topFeatures(content) from server/spam/classifier/ once it exists.
  return content.body === '' ? [] : [];
}
