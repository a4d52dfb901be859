/**
 * Linking an imported child table's tasks to its parent plan's tasks (上下级计划衔接, pure): for each child
 * task the parent task whose text is most alike, suggested to the office, who confirms or changes it.
 *
 * Similarity is the Jaccard similarity of character shingles (decisions/domain/cluster.ts, the same code that
 * groups near-duplicate comments): Chinese has no spaces, and a county's task restates the city's with its own
 * place names and a few words changed. A task is compared on its task text and its requirement; a suggestion
 * needs at least MIN_SIMILARITY (DERIVED: below it two tasks of the same plan share only stock phrases such as
 * 政务公开、信息公开工作) and is given only when it is clearly the best (a tie is left to the office).
 */
import { jaccard, shingles } from '../../decisions/domain/cluster.ts';

export const MIN_SIMILARITY = 0.2;

export type LinkTask = { id: number; task: string; requirement: string };
export type LinkSuggestion = { taskId: number; parentTaskId: number | null; similarity: number };

const textOf = (t: LinkTask) => `${t.task}${t.requirement}`;

/** The best parent task of each child task, or null when none is alike enough or two are equally alike. */
export function suggestParentTasks(
  children: readonly LinkTask[],
  parents: readonly LinkTask[],
  min = MIN_SIMILARITY,
): LinkSuggestion[] {
  const parentSets = parents.map((p) => ({ id: p.id, set: shingles(textOf(p)) }));
  return children.map((c) => {
    const set = shingles(textOf(c));
    let best: { id: number; s: number } | null = null;
    let tie = false;
    for (const p of parentSets) {
      const s = jaccard(set, p.set);
      if (best === null || s > best.s) {
        tie = false;
        best = { id: p.id, s };
      } else if (s === best.s) tie = true;
    }
    const similarity = best ? Math.round(best.s * 100) / 100 : 0;
    return {
      taskId: c.id,
      parentTaskId: best && best.s >= min && !tie ? best.id : null,
      similarity,
    };
  });
}

/**
 * Whether `childPlanId` may link to `parentPlanId`: not itself, and not to a plan below it (the parent's
 * chain of parents must not reach the child). `parentOf` gives a plan's parent plan.
 */
export function linkAllowed(
  childPlanId: number,
  parentPlanId: number,
  parentOf: (planId: number) => number | null,
): boolean {
  let cur: number | null = parentPlanId;
  for (let guard = 0; cur !== null && guard < 50; guard++) {
    if (cur === childPlanId) return false;
    cur = parentOf(cur);
  }
  return true;
}
