import type { QuestionSetInput } from "../../src/content/schema.ts";

const SBU =
  "An SBU official, speaking on the condition of anonymity because they were not authorized to release the information, said the agency was behind the attack.";
const SOURCE = [{ document: "002", quote: SBU }];

/**
 * A set with every question type and every optional field filled in (weights, penalties,
 * claim verdicts, evidence sentences, accepted answers, ranges, pairs, distractors, HTML
 * markup), quoting built-in document 002. The editor must carry every field through its form.
 */
export const EVERY_TYPE: QuestionSetInput = {
  title: "Every question type",
  summary: "A set that uses every field the format has.",
  skills: ["attribution", "anonymous-sources", "verification", "evidence", "numbers"],
  documents: ["002"],
  questions: [
    {
      id: "weighted-single",
      type: "single",
      skill: "attribution",
      difficulty: "hard",
      context: "Read the paragraph about the SBU.",
      prompt: "Who says the agency was behind the attack?",
      passages: SOURCE,
      options: [
        { id: "a", text: "An unnamed SBU official", feedback: "Right: the official is not named." },
        { id: "b", text: "The SBU, officially", feedback: "Half right: an official speaks, but not on the record.", weight: 50 },
        { id: "c", text: "Matthew Miller", feedback: "No: he spoke for the State Department.", weight: -25 },
      ],
      answer: "a",
      shuffle: false,
      explanation: "Find who makes a claim before weighing it.",
      sources: SOURCE,
    },
    {
      id: "weighted-multiple",
      type: "multiple",
      skill: "anonymous-sources",
      difficulty: "medium",
      prompt: "Which two things does the text say about the official?",
      options: [
        { id: "a", text: "They were not authorized to speak", weight: 50 },
        { id: "b", text: "They asked not to be named", weight: 50 },
        { id: "c", text: "They work for the State Department", weight: -50, feedback: "No." },
      ],
      answer: ["a", "b"],
      explanation: "The reason for anonymity is given.",
      sources: SOURCE,
    },
    {
      id: "true-or-false",
      type: "true_false",
      skill: "anonymous-sources",
      difficulty: "easy",
      prompt: "True or false: the SBU official is named.",
      options: [
        { id: "t", text: "True", feedback: "No: the official is not named." },
        { id: "f", text: "False", feedback: "Right." },
      ],
      answer: "f",
      explanation: "Notice when a source is not named.",
      sources: SOURCE,
    },
    {
      id: "judge-the-claim",
      type: "claim",
      skill: "verification",
      difficulty: "medium",
      claim: "The SBU carried out the attack.",
      prompt: "What do the texts do with this claim?",
      options: [
        { id: "shown", text: "They show it", supports: true, feedback: "No: nobody checked it." },
        { id: "claimed", text: "An official claims it", supports: false, feedback: "Right." },
        { id: "absent", text: "They do not mention it", supports: false },
      ],
      answer: "claimed",
      explanation: "A claim of responsibility is a claim.",
      sources: SOURCE,
    },
    {
      id: "which-sentence",
      type: "evidence",
      skill: "evidence",
      difficulty: "hard",
      prompt: "Which part says why the official is not named?",
      passages: SOURCE,
      options: [
        { id: "a", text: "An SBU official, speaking on the condition of anonymity" },
        { id: "b", text: "because they were not authorized to release the information" },
        { id: "c", text: "said the agency was behind the attack." },
      ],
      answer: ["b"],
      explanation: "The reason follows 'because'.",
      sources: SOURCE,
    },
    {
      id: "name-the-agency",
      type: "short_answer",
      skill: "attribution",
      difficulty: "easy",
      prompt: "Which agency's official spoke? Give its initials.",
      answers: [
        { text: "SBU*", feedback: "Right." },
        { text: "Security Service", weight: 50, feedback: "Nearly: the text uses the initials." },
      ],
      caseSensitive: true,
      explanation: "The text names the SBU.",
      sources: SOURCE,
    },
    {
      id: "how-old",
      type: "numerical",
      skill: "numbers",
      difficulty: "medium",
      prompt: "How old was Kirillov, according to the text?",
      answers: [
        { value: 54, tolerance: 0, feedback: "Right." },
        { min: 50, max: 60, weight: 50, feedback: "Close." },
      ],
      explanation: "The text gives his age once.",
      sources: [{ document: "002", quote: "had sanctioned Kirillov, 54, for his actions" }],
    },
    {
      id: "who-said-what",
      type: "matching",
      skill: "attribution",
      difficulty: "hard",
      prompt: "Match each speaker with what they said.",
      pairs: [
        { id: "p1", prompt: "The SBU official", answer: "The agency was behind the attack" },
        { id: "p2", prompt: "Matthew Miller", answer: "The US was not involved" },
      ],
      distractors: ["The bomb was triggered remotely", "Nobody was hurt"],
      explanation: "Keep speakers and claims together.",
      sources: SOURCE,
    },
    {
      id: "in-your-words",
      type: "essay",
      skill: "anonymous-sources",
      difficulty: "medium",
      prompt: "Why might an official speak anonymously?",
      explanation: "Your teacher reads your answer.",
    },
    {
      id: "read-this-first",
      type: "description",
      skill: "evidence",
      difficulty: "easy",
      prompt: "Read [[002#4]] before the next question.",
    },
    {
      id: "html-question",
      type: "single",
      skill: "attribution",
      difficulty: "medium",
      markup: "html",
      prompt: "<p>Who <strong>speaks</strong> for the State Department?</p>",
      options: [
        { id: "a", text: "<em>Matthew Miller</em>", feedback: "Right." },
        { id: "b", text: "An SBU official", feedback: "No." },
      ],
      answer: "a",
      explanation: "<p>He is the spokesman.</p>",
      sources: [{ document: "002", quote: "State Department spokesman Matthew Miller said" }],
    },
  ],
};
