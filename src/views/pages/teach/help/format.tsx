import { HELP } from "./links.ts";

const SET_FIELDS: [string, string][] = [
  ["title", "The set's name, up to 140 characters."],
  ["summary", "One or two sentences students see under the title."],
  ["skills", "Every skill its questions practise (the editor fills this in)."],
  ["documents", 'The ids of the documents it quotes, in quotes: ["002"] (the editor fills this in).'],
  ["sources", "required (every scored question needs a source quote) or none (a set without citations, marked for students)."],
  ["mode", "practice (feedback after each answer) or check (no verdict until the end, shuffled, one attempt unless attempts says otherwise)."],
  ["shuffleQuestions", "true to shuffle the question order for each student (always on for checks)."],
  ["confidence", 'true to ask "How sure are you?" before each answer.'],
  ["certaintyMarking", "true for Moodle's certainty-based marking (needs confidence)."],
  ["attempts", "How many attempts each student may start."],
  ["form", "{group: diagnostic, form: A}: one of several parallel forms of a check."],
  ["questions", "The questions, 1 to 200."],
];

const QUESTION_FIELDS: [string, string][] = [
  ["id", "Lower-case letters, digits and hyphens; keep it the same across versions so results line up."],
  ["type", "One of the types below."],
  ["skill", "The skill it practises, e.g. attribution, hedging, verification."],
  ["difficulty", "easy, medium or hard."],
  ["prompt", "The question itself."],
  ["context", "Optional: a paragraph shown before the prompt."],
  ["passages", "Up to 3 {document, quote} shown with the question."],
  ["explanation", "Shown after answering."],
  ["sources", "Up to 6 {document, quote} shown after answering, linked to the reader."],
  ["markup", "text, or html for imported questions (cleaned with an allow-list)."],
];

const TYPES: [string, string, string][] = [
  ["single", "Choose one option", "options (2–12 of {id, text, feedback, weight}), answer (one id, or several that are each fully right), shuffle"],
  ["multiple", "Tick every option that applies", "options, answer: [a, c]; all or nothing, or a weight on every option (keys add up to 100)"],
  ["true_false", "True or false", 'two options with the texts "True" and "False" (ids t and f), answer; True is shown first'],
  ["claim", "Judge one claim against the texts", "claim, options each with supports: true or false, answer (one id); options keep their order"],
  ["evidence", "Select the sentences of a passage that show something", "exactly one passage; options quoted word for word from it; answer: [ids]"],
  ["short_answer", "Type a short answer", "answers: [{text, weight, feedback}], caseSensitive; * matches any run of characters"],
  ["numerical", "Type a number", "answers: [{value, tolerance} or {min, max}, weight, feedback]"],
  ["matching", "Match items with selects", "pairs: [{id, prompt, answer}] (at least 2), distractors: [text]"],
  ["essay", "Write an open answer the teacher reads", "never scored"],
  ["description", "Read a text, then continue", "never scored"],
];

function FieldTable({ caption, rows }: { caption: string; rows: [string, string][] }) {
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([field, meaning]) => (
            <tr>
              <th scope="row">
                <code>{field}</code>
              </th>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const EXAMPLE = `title: "Who says so?"
summary: Practise noticing who is speaking.
skills: [attribution]
documents: ["002"]
questions:
  - id: who-claimed-the-attack
    type: single
    skill: attribution
    difficulty: easy
    prompt: In [[002]], who says the SBU was behind the attack?
    options:
      - id: a
        text: An SBU official who is not named
        feedback: Right. The text gives the reason the official is unnamed.
      - id: b
        text: The U.S. State Department
        feedback: No. Its spokesman says the US "was not involved".
    answer: a
    explanation: Before you weigh a claim, find who makes it.
    sources:
      - document: "002"
        quote: An SBU official, speaking on the condition of anonymity`;

/** The Sourcewise format, field by field: what the editor writes and what an upload may contain. */
export function FormatReferencePage() {
  return (
    <>
      <p class="meta">
        <a href={HELP.guide}>Teacher guide</a>
      </p>
      <h1>The Sourcewise format</h1>
      <p>
        A set is one YAML or JSON file, or what the editor writes for you. The same rules check the editor's saves, uploads, the API and the built-in library,
        so a set means the same thing everywhere.
      </p>
      <h2 id="example">An example</h2>
      {/* Focusable, so a keyboard can scroll it on a narrow screen. */}
      <pre class="example" tabindex={0}>
        <code>{EXAMPLE}</code>
      </pre>
      <h2 id="set-fields">The set</h2>
      <FieldTable caption="Fields of a set" rows={SET_FIELDS} />
      <h2 id="question-fields">Every question</h2>
      <FieldTable caption="Fields every question has" rows={QUESTION_FIELDS} />
      <h2 id="types">Question types</h2>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Question types and their own fields</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">The student…</th>
              <th scope="col">Its own fields</th>
            </tr>
          </thead>
          <tbody>
            {TYPES.map(([type, does, fields]) => (
              <tr>
                <th scope="row">
                  <code>{type}</code>
                </th>
                <td>{does}</td>
                <td>{fields}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        An option's <code>weight</code> gives partial credit in percent (Moodle's <code>~%50%</code>); a negative weight is a penalty, and a question never
        scores below 0.
      </p>
      <h2 id="quotes">Quotes and documents</h2>
      <ul>
        <li>
          Every passage and source quote must appear in its document word for word, after spaces and quote-mark styles are evened out. A misquote is refused
          with the closest passage the document has.
        </li>
        <li>
          Document ids are text: write them in quotes (<code>"002"</code>). Your own documents (under <a href="/teach/documents">Documents</a>) and the built-in
          ones can be quoted.
        </li>
        <li>
          In text students read, write <code>[[002]]</code> for a document (shown as its label, such as "Report C") and <code>[[002#4]]</code> for its fourth
          paragraph. Students never see the ids.
        </li>
      </ul>
      <h2 id="other-formats">Moodle GIFT, Moodle XML and Aiken</h2>
      <p>
        Uploads may also be in GIFT, Moodle XML or Aiken. They carry questions, options, feedback, weights and keys, but no skills, sources or settings: the
        upload form asks for a title, a summary, a skill and a difficulty, and a new version keeps what the set already had (see the{" "}
        <a href={`${HELP.guide}#upload`}>guide</a>). Every construct they can hold, and what it becomes, is on{" "}
        <a href={HELP.moodleFormats}>question file formats</a>.
      </p>
      <h2 id="writing">Writing good questions</h2>
      <ul>
        <li>Phrase claims as "the text presents X as…", never as world truth.</li>
        <li>Never make an outlet the text does not name the answer.</li>
        <li>Where documents disagree, ask about the disagreement.</li>
        <li>Make wrong options as long and specific as the right one, so nobody can answer without reading.</li>
      </ul>
    </>
  );
}
