import { type ChoiceQuestion, isChoiceQuestion, isScored, type Option, type Question } from "../schema.ts";
import { type LintFinding, questionName, quoteList } from "./findings.ts";
import { ABOUT_OTHER_OPTIONS, absoluteWords, contentWords, type NameReference, sameAnswerKey, visibleLength } from "./words.ts";

/** The key counts as "the longest by a clear margin" above this ratio to the distractors' mean. */
export const LONG_KEY_RATIO = 1.3;
/** "Clearly higher" prompt overlap: the key shares at least this many more content words, and twice as many. */
const ECHO_MARGIN = 2;

function split(question: ChoiceQuestion): { keys: Option[]; distractors: Option[] } {
  return {
    keys: question.options.filter((o) => question.answer.includes(o.id)),
    distractors: question.options.filter((o) => !question.answer.includes(o.id)),
  };
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Cues in one question's options that let a student answer without reading. */
export function lintQuestion(question: Question, index: number, name?: NameReference): LintFinding[] {
  if (!isChoiceQuestion(question) || question.type === "true_false") return [];
  const at = (...path: (string | number)[]) => ["questions", index, ...path];
  const say = (text: string) => `${questionName(index)}: ${text}`;
  const { keys, distractors } = split(question);
  const findings: LintFinding[] = [];
  const many = keys.length > 1;

  // The key is the only longest option, by a clear margin.
  const length = (o: Option) => visibleLength(o.text, question.markup, name);
  if (distractors.length > 0) {
    const keyMean = mean(keys.map(length));
    const distractorMean = mean(distractors.map(length));
    if (Math.min(...keys.map(length)) > Math.max(...distractors.map(length)) && keyMean > LONG_KEY_RATIO * distractorMean) {
      const sizes = `(${Math.round(keyMean)} vs ${Math.round(distractorMean)} characters on average)`;
      const text =
        question.type === "evidence"
          ? `the sentences to pick are all longer than the others ${sizes}. Students pick the longest sentences without reading. Offer other sentences of similar length to choose from.`
          : many
            ? `the correct options are all much longer than the others ${sizes}. Students tick the longest options without reading. Make the other options as specific, or shorten the correct ones.`
            : `the correct answer is much longer than the others ${sizes}. Students pick the longest option without reading. Make the other options as specific, or shorten the answer.`;
      findings.push({ rule: "longest-key", path: at("options"), message: say(text) });
    }
  }

  // Evidence sentences are the document's words, not the writer's: wording cues do not apply.
  if (question.type !== "evidence" && distractors.length > 0) {
    const prompt = contentWords(`${question.prompt} ${question.type === "claim" ? question.claim : ""}`, question.markup);
    const echoes = (o: Option) => [...contentWords(o.text, question.markup)].filter((word) => prompt.has(word));
    const keyEchoes = keys.map(echoes);
    const fewest = Math.min(...keyEchoes.map((e) => e.length));
    const most = Math.max(...distractors.map((o) => echoes(o).length));
    if (fewest >= ECHO_MARGIN && fewest >= most + ECHO_MARGIN && fewest >= 2 * most) {
      const shared = [...new Set(keyEchoes.flat())];
      findings.push({
        rule: "echoes-prompt",
        path: at("options"),
        message: say(
          `only the correct ${many ? "options repeat" : "answer repeats"} the question's words (${quoteList(shared)}). Students pick the option that echoes the question. Reword the answer, or let the other options use the question's words too.`,
        ),
      });
    }
  }

  if (question.type !== "evidence")
    question.options.forEach((option, o) => {
      const about = ABOUT_OTHER_OPTIONS.exec(option.text);
      if (about)
        findings.push({
          rule: "about-other-options",
          path: at("options", o, "text"),
          message: say(
            `option ${option.id} says "${about[0]}". Students judge it from the other options without reading the documents, and the options cannot be shuffled. Replace it with a specific answer.`,
          ),
        });
    });

  // Absolutes in the wrong options only. Claim verdicts are a fixed scale: the key position covers them.
  if ((question.type === "single" || question.type === "multiple") && distractors.length > 0) {
    // "None of the above" has its own finding; its "none" is not an absolute about the documents.
    const absolutes = (o: Option) => absoluteWords(o.text.replace(ABOUT_OTHER_OPTIONS, " "), question.markup);
    const inKeys = keys.flatMap(absolutes);
    const inDistractors = [...new Set(distractors.flatMap(absolutes))];
    if (inKeys.length === 0 && inDistractors.length > 0)
      findings.push({
        rule: "absolutes-in-distractors",
        path: at("options"),
        message: say(
          `only the wrong options use absolute words (${quoteList(inDistractors)}). Students rule out such options without reading. Reword the wrong options without them, or let the correct answer carry an absolute where the text supports one.`,
        ),
      });
  }

  const seen = new Map<string, Option>();
  question.options.forEach((option, o) => {
    const same = sameAnswerKey(option.text, question.markup);
    const earlier = seen.get(same);
    if (earlier)
      findings.push({
        rule: "duplicate-options",
        path: at("options", o, "text"),
        message: say(`options ${earlier.id} and ${option.id} say the same thing. Make every option a different answer.`),
      });
    else seen.set(same, option);
  });

  if ((question.type === "multiple" || question.type === "evidence") && distractors.length === 0)
    findings.push({
      rule: "selects-every-option",
      path: at("answer"),
      message: say("every option is correct, so ticking them all gets full marks without reading. Add a wrong option, or leave one of the correct ones out."),
    });
  return findings;
}

/** The built-in library explains every answer: feedback on each option and an explanation per question. */
export function lintCompleteness(question: Question, index: number): LintFinding[] {
  const findings: LintFinding[] = [];
  if (isChoiceQuestion(question))
    question.options.forEach((option, o) => {
      if (!option.feedback)
        findings.push({
          rule: "missing-feedback",
          path: ["questions", index, "options", o, "feedback"],
          message: `${questionName(index)}: option ${option.id} has no feedback. Say why it is right, or which misreading it stands for.`,
        });
    });
  if (isScored(question) && !question.explanation)
    findings.push({
      rule: "missing-explanation",
      path: ["questions", index, "explanation"],
      message: `${questionName(index)} has no explanation. Say what to look for in the documents, so the answer teaches something.`,
    });
  return findings;
}
