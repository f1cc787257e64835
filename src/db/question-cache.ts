import type { AnswerTarget } from "./queries/answers.ts";

/**
 * The questions students are answering, by row id, in this isolate's memory, so an answer can be
 * graded and recorded in one round trip instead of a read and then a write. A question row never
 * changes (a new version of a set gets new rows), and each entry carries its version's content
 * hash, which `recordAnswer` checks against D1 in the batch that records the answer: an entry
 * that no longer matches the database records nothing and is dropped. Isolates start empty after
 * a deploy, and the cache is bounded.
 */
export interface CachedQuestion extends AnswerTarget {
  /** Whether the answer form asks "How sure are you?" (a version setting). */
  askConfidence: boolean;
}

const LIMIT = 1000;
const cache = new Map<number, CachedQuestion>();

export function rememberQuestion(entry: CachedQuestion): void {
  // A Map keeps insertion order: re-inserting marks an entry recent; the oldest goes first.
  cache.delete(entry.questionId);
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as number);
  cache.set(entry.questionId, entry);
}

export function cachedQuestion(questionId: number): CachedQuestion | undefined {
  return cache.get(questionId);
}

export function forgetQuestion(questionId: number): void {
  cache.delete(questionId);
}
