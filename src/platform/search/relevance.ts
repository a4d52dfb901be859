/**
 * Relevance measures of a ranked result list against graded judgements (0 = not relevant … 3 = what
 * the query is looking for). Pure.
 */

/** Discounted cumulative gain of the first `k` grades: Σ (2^g − 1) / log2(rank + 1). */
export function dcg(grades: readonly number[], k: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) sum += (2 ** (grades[i] ?? 0) - 1) / Math.log2(i + 2);
  return sum;
}

/**
 * nDCG@k: the DCG of the result list over the DCG of the best possible list, built from the grades of
 * every judged document (`allGrades`, any order; documents not listed count as 0). 1 is perfect;
 * null when no document is relevant (the query says nothing about ranking).
 */
export function ndcg(
  resultGrades: readonly number[],
  allGrades: readonly number[],
  k: number,
): number | null {
  const ideal = dcg(
    [...allGrades].filter((g) => g > 0).sort((a, b) => b - a),
    k,
  );
  return ideal === 0 ? null : dcg(resultGrades, k) / ideal;
}

/** The mean of the defined values (null values skipped); NaN when there are none. */
export function meanOf(values: readonly (number | null)[]): number {
  const defined = values.filter((v): v is number => v !== null);
  return defined.reduce((a, b) => a + b, 0) / defined.length;
}
