import type { QuestionInput, QuestionSetInput } from "../../src/content/schema.ts";

/** Five paragraphs to quote and to point at with [[lint-doc#N]]. */
export const LINT_DOC_BODY = [
  "The mayor said the bridge would reopen on Monday.",
  "Engineers have not inspected the bridge, according to a city official who asked not to be named.",
  "Video verified by reporters shows cracks along the east span.",
  "A council spokesperson declined to comment on the repair budget.",
  "The transport union called the closure a scandal.",
].join("\n");

type Paragraphs = [string, string, string, string, string];
export const P = LINT_DOC_BODY.split("\n") as Paragraphs;

/** The same shape of story in other words, for a parallel form that must not share a passage. */
export const OTHER_BODY = [
  "The governor said the tunnel would reopen on Friday.",
  "Inspectors have not examined the tunnel, according to a state official who asked not to be named.",
  "Photos verified by reporters show water along the north wall.",
  "A state spokesperson declined to comment on the repair costs.",
  "The drivers' union called the closure a disgrace.",
].join("\n");

/** An option with its own feedback, as the library requires. */
export const opt = (id: string, text: string, extra: Record<string, unknown> = {}) => ({ id, text, feedback: `Feedback on ${id}.`, ...extra });

const tf = () => [opt("t", "True"), opt("f", "False")];

/**
 * A set with no cue: the key is never the longest option, no option echoes its prompt, no
 * absolutes, balanced true/false, documents named only as [[lint-doc]] and always shown.
 * A cue-only student scores 1 of 8 (the tied true/false majority).
 */
export function goodQuestions(doc = "lint-doc", paragraphs: Paragraphs = P): QuestionInput[] {
  const source = (n: 0 | 1 | 2 | 3 | 4) => [{ document: doc, quote: paragraphs[n] }];
  const common = { skill: "attribution" as const, difficulty: "easy" as const, explanation: `Check who is speaking, as in [[${doc}#2]].` };
  return [
    {
      ...common,
      id: "who-reopens",
      type: "single",
      prompt: "Who gives the reopening date?",
      passages: source(0),
      options: [opt("a", "The mayor"), opt("b", "A city official"), opt("c", "The engineers"), opt("d", "Reporters")],
      answer: "a",
      sources: source(0),
    },
    {
      ...common,
      id: "east-span",
      type: "single",
      prompt: `What does [[${doc}]] report about the east span?`,
      passages: source(2),
      options: [
        opt("a", "Cracks, shown in verified video"),
        opt("b", "Cracks that engineers have already inspected"),
        opt("c", "A crack the mayor blamed on the union"),
      ],
      answer: "a",
      sources: source(2),
    },
    {
      ...common,
      id: "official-named",
      type: "true_false",
      prompt: `[[${doc}]] names the official who says the engineers have not inspected the bridge.`,
      passages: source(1),
      options: tf(),
      answer: "f",
      sources: source(1),
    },
    {
      ...common,
      id: "spokesperson-declined",
      type: "true_false",
      prompt: "A council spokesperson declined to comment on the repair budget.",
      passages: source(3),
      options: tf(),
      answer: "t",
      sources: source(3),
    },
    {
      ...common,
      id: "attributed",
      type: "multiple",
      prompt: "Which of these does the report attribute to a named or described source?",
      passages: [...source(0), ...source(1)],
      options: [
        opt("a", "The reopening date"),
        opt("b", "The missing inspection"),
        opt("c", "The cause of the cracks"),
        opt("d", "The size of the repair budget"),
      ],
      answer: ["a", "b"],
      sources: source(1),
    },
    ...claims(doc, paragraphs, ["b", "a"]),
    {
      ...common,
      id: "on-the-record",
      type: "evidence",
      prompt: "Which sentences report something seen or said on the record?",
      passages: [{ document: doc, quote: paragraphs.slice(0, 3).join(" ") }],
      options: [opt("a", paragraphs[0]), opt("b", paragraphs[1]), opt("c", paragraphs[2])],
      answer: ["a", "c"],
      sources: source(2),
    },
  ];
}

/**
 * Claim-judgement items on a fixed verdict scale, keyed as given ("a" is "supported"). The
 * longest verdict is never the key.
 */
export function claims(doc: string, paragraphs: Paragraphs, keys: string[], first = 0): QuestionInput[] {
  return keys.map(
    (answer, i): QuestionInput => ({
      id: `claim-${first + i}`,
      type: "claim",
      skill: "attribution",
      difficulty: "easy",
      explanation: "Look for who stands behind the claim.",
      claim: `Claim ${first + i} about the second paragraph.`,
      prompt: "What do the texts do with this claim?",
      passages: [{ document: doc, quote: paragraphs[1] }],
      options: [
        opt("a", "The texts support it", { supports: true }),
        opt("b", "The texts contradict it", { supports: false }),
        opt("c", "The texts only report someone claiming it", { supports: false }),
        opt("d", "The texts do not mention it", { supports: false }),
      ],
      answer,
      sources: [{ document: doc, quote: paragraphs[1] }],
    }),
  );
}

export function goodSet(doc = "lint-doc", overrides: Partial<QuestionSetInput> = {}): QuestionSetInput {
  return {
    title: "Lint fixture",
    summary: "A set with no answer cues.",
    skills: ["attribution"],
    documents: [doc],
    questions: goodQuestions(doc),
    ...overrides,
  };
}
