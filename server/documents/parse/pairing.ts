// Answers paired with questions by their labels. A label names one question ("3", "5a", "A1") or several answered as
// one ("4 en 5", "1,2,3,4 en 5", "1 & 2", "2 t/m 6", "4-7"). Pure: labels in, pairs out.

/** One answer and the question(s) it answers: one, or a run of questions when the answer is joined ("3 en 4"). */
export interface LabelPair {
  answer: number;
  questions: number[];
}

const NUMBER = /^(\d{1,3})([a-z]?)$/;
/** "t/m", "tot en met", "-", "–": a range; ",", "en", "&": a list. */
const RANGE = /^(?:t\/m|tot en met|[-–])$/;

/**
 * The questions a label names, each as its own key: "4 en 5" → 4, 5; "2 t/m 6" → 2, 3, 4, 5, 6; "1,2 & 3" → 1, 2, 3;
 * "5a" → 5a; "A1" → a1. A label that is no list of numbers names itself.
 */
export function labelMembers(label: string): string[] {
  const text = label.toLowerCase().replace(/\s+/g, ' ').trim();
  const parts = text
    .split(/\s*(,|&|\ben\b|t\/m|tot en met|[-–])\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length < 3) return [text.replace(/\s+/g, '')];
  const out: string[] = [];
  for (let k = 0; k < parts.length; k += 2) {
    const m = NUMBER.exec(parts[k]);
    if (!m) return [text.replace(/\s+/g, '')];
    const joiner = k > 0 ? parts[k - 1] : '';
    if (k > 0 && !/^(?:,|&|en|t\/m|tot en met|[-–])$/.test(joiner)) return [text.replace(/\s+/g, '')];
    if (RANGE.test(joiner)) {
      const from = NUMBER.exec(out[out.length - 1] ?? '');
      const to = Number(m[1]);
      // A range runs upward over whole questions, and not over more than twenty.
      if (!from || from[2] || m[2] || to <= Number(from[1]) || to - Number(from[1]) > 20) return [text.replace(/\s+/g, '')];
      for (let n = Number(from[1]) + 1; n <= to; n++) out.push(String(n));
    } else out.push(`${Number(m[1])}${m[2]}`);
  }
  return out;
}

/** The label as the list of questions it names: "4 en 5", "4 & 5" and "4, 5" are the same label. */
const canonical = (label: string) => labelMembers(label).join('+');

/**
 * Pairs answers with questions by label. When every label occurs once on each side, an answer pairs with the question
 * of its label wherever it stands (answers may come in another order), and an answer to several questions ("3 en 4")
 * with those questions when no other answer claims any of them. When labels repeat (numbering that starts again per
 * section) the two sequences are aligned in order: a monotone alignment that allows gaps on either side and lets a
 * joined answer take a run of consecutive questions, covering as many questions as can be. A question no answer
 * names keeps no answer: nothing is paired by position alone.
 */
export function pairByLabel(questionLabels: string[], answerLabels: string[]): LabelPair[] {
  const q = questionLabels.map(canonical);
  const a = answerLabels.map(canonical);
  const members = answerLabels.map(labelMembers);
  const unique = new Set(q).size === q.length && new Set(a).size === a.length;
  if (unique) {
    const out: LabelPair[] = [];
    const claimed = new Set<number>();
    a.forEach((k, j) => {
      const qi = q.indexOf(k);
      if (qi >= 0) {
        out.push({ answer: j, questions: [qi] });
        claimed.add(qi);
      }
    });
    // Joined answers: every question they name is there and answered by no other answer.
    const joined: LabelPair[] = [];
    a.forEach((k, j) => {
      if (q.includes(k) || members[j].length < 2) return;
      const qs = members[j].map((m) => q.indexOf(m));
      if (qs.some((qi) => qi < 0 || claimed.has(qi))) return;
      joined.push({ answer: j, questions: [...qs].sort((x, y) => x - y) });
    });
    // Two joined answers that name the same question: neither is sure.
    const count = new Map<number, number>();
    for (const p of joined) for (const qi of p.questions) count.set(qi, (count.get(qi) ?? 0) + 1);
    for (const p of joined) if (p.questions.every((qi) => count.get(qi) === 1)) out.push(p);
    return out.sort((x, y) => x.questions[0] - y.questions[0]);
  }
  return alignRuns(q, a, members);
}

/** The monotone alignment of question keys with answer labels (see pairByLabel). */
function alignRuns(q: string[], a: string[], members: string[][]): LabelPair[] {
  const n = q.length;
  const m = a.length;
  const run = (i: number, j: number): number => {
    const k = members[j].length;
    if (k < 2 || i + k > n) return 0;
    return members[j].every((key, d) => q[i + d] === key) ? k : 0;
  };
  // best[i][j]: the most questions paired from question i and answer j on.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      let v = Math.max(best[i + 1][j], best[i][j + 1]);
      if (q[i] === a[j]) v = Math.max(v, 1 + best[i + 1][j + 1]);
      const k = run(i, j);
      if (k) v = Math.max(v, k + best[i + k][j + 1]);
      best[i][j] = v;
    }
  const out: LabelPair[] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    const k = run(i, j);
    if (q[i] === a[j] && best[i][j] === 1 + best[i + 1][j + 1]) {
      out.push({ answer: j, questions: [i] });
      i++;
      j++;
    } else if (k && best[i][j] === k + best[i + k][j + 1]) {
      out.push({ answer: j, questions: Array.from({ length: k }, (_, d) => i + d) });
      i += k;
      j++;
    } else if (best[i + 1][j] >= best[i][j + 1]) i++;
    else j++;
  }
  return out;
}
