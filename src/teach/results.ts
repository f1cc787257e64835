import { htmlToText } from "../content/sanitize.ts";
import type { Question } from "../content/schema.ts";
import { skillLabel } from "../content/skills.ts";
import type { ResponseValue } from "../quiz/response-value.ts";
import { percent } from "../quiz/scoring.ts";

export interface ResultQuestion {
  key: string;
  position: number;
  prompt: string;
  /** `html` for imported questions: prompts and options are shown as their text. */
  markup?: Question["markup"];
  skill: string;
  options: { id: string; text: string }[];
  answer: string[];
}

export interface ResultAttempt {
  attemptId: string;
  studentId: string;
  studentName: string;
  setVersion: number;
  startedAt: Date;
  finishedAt: Date | null;
  /** Sum of the response scores: partial credit counts. */
  score: number;
  /** Questions that count (essays and descriptions do not). */
  scoredCount: number;
  responses: { questionKey: string; chosen: ResponseValue; isCorrect: boolean; score: number | null }[];
  /** Answers recorded after the assignment's deadline. */
  lateAnswers?: number;
}

export interface Score {
  /** Marks out of `total`, with partial credit (2.5 of 4). */
  marks: number;
  total: number;
  /** Whole percent, rounded as on the student's own summary page. */
  percent: number;
}

export interface StudentResult {
  studentId: string;
  name: string;
  /** Every attempt, finished or not. */
  attempts: number;
  finishedAttempts: number;
  firstScore: Score | null;
  bestScore: Score | null;
  timeTakenMs: number | null;
  version: number | null;
  /** Answers, over all their attempts, recorded after the assignment's deadline. */
  lateAnswers: number;
}

export interface OptionResult {
  id: string;
  text: string;
  correct: boolean;
  count: number;
}

export interface QuestionResult {
  key: string;
  position: number;
  prompt: string;
  skill: string;
  answered: number;
  /** The mean score (0–1, partial credit counts); null for unscored items or when nobody answered. */
  facility: number | null;
  discrimination: number | null;
  options: OptionResult[];
}

export interface SkillResult {
  skill: string;
  label: string;
  questions: number;
  average: number | null;
}

export interface ClassResults {
  students: StudentResult[];
  questions: QuestionResult[];
  skills: SkillResult[];
}

type Response = ResultAttempt["responses"][number];

/** A student's first finished attempt: the one item statistics are computed from. */
interface ScoredAttempt {
  studentId: string;
  score: number;
  responses: Map<string, Response>;
}

const byStart = (a: ResultAttempt, b: ResultAttempt): number => a.startedAt.getTime() - b.startedAt.getTime() || compareText(a.attemptId, b.attemptId);

// Code-unit order, so ids sort the same in every runtime and locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function scoreOf(attempt: ResultAttempt): Score {
  return { marks: Math.round(attempt.score * 100) / 100, total: attempt.scoredCount, percent: percent(attempt.score, attempt.scoredCount) };
}

function ratio(score: Score): number {
  return score.total === 0 ? 0 : score.marks / score.total;
}

/** A response's marks; unscored items (essays, descriptions) have none. */
const marksOf = (response: Response | undefined) => response?.score ?? 0;

export function computeClassResults(questions: ResultQuestion[], attempts: ResultAttempt[]): ClassResults {
  const ordered = [...questions].sort((a, b) => a.position - b.position);
  const known = new Set(ordered.map((q) => q.key));

  const byStudent = new Map<string, ResultAttempt[]>();
  for (const attempt of attempts) {
    const list = byStudent.get(attempt.studentId) ?? [];
    list.push(attempt);
    byStudent.set(attempt.studentId, list);
  }

  const students: StudentResult[] = [];
  const scored: ScoredAttempt[] = [];
  for (const [studentId, list] of byStudent) {
    list.sort(byStart);
    const finished = list.filter((a) => a.finishedAt !== null);
    const first = finished[0];
    let best: Score | null = null;
    for (const attempt of finished) {
      const score = scoreOf(attempt);
      // Compare proportions, not counts: attempts on other set versions may have other lengths.
      if (best === null || ratio(score) > ratio(best)) best = score;
    }
    students.push({
      studentId,
      // The latest attempt carries the student's current name.
      name: list[list.length - 1]?.studentName ?? "",
      attempts: list.length,
      finishedAttempts: finished.length,
      firstScore: first ? scoreOf(first) : null,
      bestScore: best,
      timeTakenMs: first?.finishedAt ? first.finishedAt.getTime() - first.startedAt.getTime() : null,
      version: first ? first.setVersion : null,
      lateAnswers: list.reduce((sum, a) => sum + (a.lateAnswers ?? 0), 0),
    });
    if (first) {
      const responses = new Map<string, Response>();
      for (const response of first.responses) {
        // Questions dropped from the current version are not reported on.
        if (known.has(response.questionKey) && !responses.has(response.questionKey)) responses.set(response.questionKey, response);
      }
      scored.push({ studentId, score: first.score, responses });
    }
  }
  students.sort((a, b) => a.name.localeCompare(b.name, "en") || compareText(a.studentId, b.studentId));

  // Ranked by marks, partial credit included, as the item statistics below.
  const ranked = [...scored].sort((a, b) => b.score - a.score || compareText(a.studentId, b.studentId));
  const groupSize = Math.max(1, Math.round(0.27 * ranked.length));
  const upper = ranked.slice(0, groupSize);
  const lower = ranked.slice(-groupSize);
  const share = (group: ScoredAttempt[], key: string): number => group.reduce((sum, s) => sum + marksOf(s.responses.get(key)), 0) / groupSize;
  const asText = (question: ResultQuestion, text: string) => (question.markup === "html" ? htmlToText(text) : text);

  const questionResults = ordered.map((question): QuestionResult => {
    const correctIds = new Set(question.answer);
    const counts = new Map<string, number>();
    let answered = 0;
    let marks = 0;
    let scoredItem = false;
    for (const student of scored) {
      const response = student.responses.get(question.key);
      if (!response) continue;
      answered++;
      marks += marksOf(response);
      if (response.score !== null) scoredItem = true;
      if (Array.isArray(response.chosen)) for (const id of new Set(response.chosen)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return {
      key: question.key,
      position: question.position,
      prompt: asText(question, question.prompt),
      skill: question.skill,
      answered,
      facility: answered === 0 || !scoredItem ? null : marks / answered,
      discrimination: ranked.length < 2 || !scoredItem ? null : share(upper, question.key) - share(lower, question.key),
      options: question.options.map((o) => ({ id: o.id, text: asText(question, o.text), correct: correctIds.has(o.id), count: counts.get(o.id) ?? 0 })),
    };
  });

  const skills = new Map<string, { questions: number; answered: number; marks: number }>();
  for (const question of ordered) {
    const tally = skills.get(question.skill) ?? { questions: 0, answered: 0, marks: 0 };
    tally.questions++;
    for (const student of scored) {
      const response = student.responses.get(question.key);
      // Essays and descriptions count in no average.
      if (!response || response.score === null) continue;
      tally.answered++;
      tally.marks += response.score;
    }
    skills.set(question.skill, tally);
  }

  return {
    students,
    questions: questionResults,
    skills: [...skills].map(([skill, t]) => ({
      skill,
      label: skillLabel(skill),
      questions: t.questions,
      // Pooled over responses, so a question fewer students reached weighs less.
      average: t.answered === 0 ? null : t.marks / t.answered,
    })),
  };
}

/** Wrong options nobody chose, once enough students answered for that to say something about the option. */
export function weakDistractors(question: QuestionResult): OptionResult[] {
  if (question.answered < 5) return [];
  return question.options.filter((o) => !o.correct && o.count === 0);
}
