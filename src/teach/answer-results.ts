import { htmlToText } from "../content/sanitize.ts";
import type { Question } from "../content/schema.ts";
import type { ClassAnswersData } from "../db/queries/class-answers.ts";
import type { ResponseValue } from "../quiz/response-value.ts";
import { formatScore } from "../quiz/scoring.ts";
import { type CsvCell, toCsv } from "./csv.ts";

/** Attempts started from `from` (inclusive) to `to` (exclusive), both UTC instants. */
export type DateRange = { from?: Date; to?: Date };

export interface AnswerDetail {
  questionKey: string;
  position: number;
  prompt: string;
  answer: string;
  /** The option ids chosen, for choice questions. */
  chosenIds: string[];
  isCorrect: boolean;
  /** 0–1; null for unscored items. */
  score: number | null;
  answeredAt: Date;
  /** Since the attempt's previous answer (or its start, for the first). */
  timeTakenMs: number;
  /** Recorded after the assignment's deadline. */
  late: boolean;
}

export interface AttemptDetail {
  attemptId: string;
  studentId: string;
  studentName: string;
  setVersion: number;
  startedAt: Date;
  finishedAt: Date | null;
  marks: number;
  total: number;
  timeTakenMs: number | null;
  answers: AnswerDetail[];
}

const textOf = (content: Question, text: string) => (content.markup === "html" ? htmlToText(text) : text);

/** What the student answered, as a teacher reads it: option texts, the text typed, the number, the matches. */
export function answerText(content: Question, chosen: ResponseValue): string {
  if (Array.isArray(chosen)) {
    const options = "options" in content ? content.options : [];
    return chosen.map((id) => textOf(content, options.find((o) => o.id === id)?.text ?? id)).join("; ");
  }
  if ("matches" in chosen)
    return Object.entries(chosen.matches)
      .map(([left, right]) => `${left} → ${right}`)
      .join("; ");
  if ("seen" in chosen) return "(seen)";
  return chosen.text;
}

/** The rows of `classAnswersData` grouped into attempts (in start order), each answer with its time taken. */
export function groupAttempts(data: Pick<ClassAnswersData, "rows" | "dueAt">): AttemptDetail[] {
  const byId = new Map<string, AttemptDetail>();
  for (const row of data.rows) {
    let attempt = byId.get(row.attemptId);
    if (!attempt) {
      attempt = {
        attemptId: row.attemptId,
        studentId: row.studentId,
        studentName: row.studentName,
        setVersion: row.setVersion,
        startedAt: row.startedAt,
        finishedAt: row.finishedAt,
        marks: Math.round(row.score * 100) / 100,
        total: row.scoredCount,
        timeTakenMs: row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
        answers: [],
      };
      byId.set(row.attemptId, attempt);
    }
    if (row.questionKey === null || row.content === null || row.chosen === null || row.answeredAt === null || row.position === null) continue;
    const previous = attempt.answers.at(-1)?.answeredAt ?? attempt.startedAt;
    attempt.answers.push({
      questionKey: row.questionKey,
      position: row.position,
      prompt: textOf(row.content, row.content.prompt),
      answer: answerText(row.content, row.chosen),
      chosenIds: Array.isArray(row.chosen) ? row.chosen : [],
      isCorrect: row.isCorrect === true,
      score: row.answerScore,
      answeredAt: row.answeredAt,
      timeTakenMs: row.answeredAt.getTime() - previous.getTime(),
      late: data.dueAt !== null && row.answeredAt.getTime() > data.dueAt.getTime(),
    });
  }
  return [...byId.values()];
}

/** Each student's attempt that results count: their first finished one, else their first. Sorted by name. */
export function countedAttempts(attempts: AttemptDetail[]): AttemptDetail[] {
  const chosen = new Map<string, AttemptDetail>();
  for (const attempt of attempts) {
    const held = chosen.get(attempt.studentId);
    if (!held || (held.finishedAt === null && attempt.finishedAt !== null)) chosen.set(attempt.studentId, attempt);
  }
  return [...chosen.values()].sort((a, b) => a.studentName.localeCompare(b.studentName, "en") || (a.studentId < b.studentId ? -1 : 1));
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const yesNo = (value: boolean | null) => (value === null ? null : value ? "yes" : "no");

/**
 * The long CSV: one row per student × question of the current version, from the attempt that
 * counts (first finished, else first). A question they did not answer has an empty answer.
 * Questions match earlier versions' answers by id, as the item analysis does.
 */
export function answersCsv(questions: ClassAnswersData["questions"], attempts: AttemptDetail[]): string {
  const header: CsvCell[] = [
    "Student",
    "Attempt started (UTC)",
    "Finished",
    "Version",
    "Question",
    "Question id",
    "Prompt",
    "Answer",
    "Correct",
    "Score",
    "Time taken (seconds)",
    "Late",
    "Answered at (UTC)",
  ];
  const rows: CsvCell[][] = [];
  for (const attempt of countedAttempts(attempts)) {
    for (const question of questions) {
      const given = attempt.answers.find((a) => a.questionKey === question.key);
      rows.push([
        attempt.studentName,
        iso(attempt.startedAt),
        yesNo(attempt.finishedAt !== null),
        attempt.setVersion,
        question.position,
        question.key,
        textOf(question.content, question.content.prompt),
        given ? given.answer : null,
        given && given.score !== null ? yesNo(given.isCorrect) : null,
        given?.score == null ? null : Number(formatScore(given.score)),
        given ? Math.round(given.timeTakenMs / 1000) : null,
        given ? yesNo(given.late) : null,
        given ? iso(given.answeredAt) : null,
      ]);
    }
  }
  return toCsv([header, ...rows]);
}

export interface QuestionBreakdown {
  /** Each option with the students who chose it (choice questions). */
  options: { id: string; text: string; correct: boolean; students: string[] }[];
  /** Every counted student's answer to the question, by name. */
  answers: { studentId: string; studentName: string; answer: string | null; isCorrect: boolean | null; late: boolean }[];
}

/** Who chose what on one question, from each student's counted attempt. */
export function questionBreakdown(question: ClassAnswersData["questions"][number], attempts: AttemptDetail[]): QuestionBreakdown {
  const counted = countedAttempts(attempts);
  const answers = counted.map((attempt) => {
    const given = attempt.answers.find((a) => a.questionKey === question.key);
    return {
      studentId: attempt.studentId,
      studentName: attempt.studentName,
      answer: given?.answer ?? null,
      isCorrect: given && given.score !== null ? given.isCorrect : null,
      late: given?.late ?? false,
    };
  });
  const key = new Set("answer" in question.content && Array.isArray(question.content.answer) ? question.content.answer : []);
  const options = ("options" in question.content ? question.content.options : []).map((option) => ({
    id: option.id,
    text: textOf(question.content, option.text),
    correct: key.has(option.id),
    students: counted.filter((attempt) => attempt.answers.find((a) => a.questionKey === question.key)?.chosenIds.includes(option.id)).map((a) => a.studentName),
  }));
  return { options, answers };
}
