/** The authoring guide for uploads: every GIFT construct, Moodle XML and Aiken, and what each becomes here. */

const GIFT: [construct: string, example: string, becomes: string][] = [
  ["One right answer", "Who wrote it? {=the mayor ~a reporter ~nobody}", "Single choice. Students see the options shuffled."],
  ["Several right answers", "Which word hedges? {=may =might ~will}", "Single choice where each = answer is worth full marks."],
  [
    "Partial credit",
    "Who is quoted? {=the mayor ~%50%a spokesperson#Close. ~%-25%nobody}",
    "Single choice: the chosen answer's weight is the score. A negative weight takes marks away, but a question never scores below 0.",
  ],
  [
    "Several answers to tick",
    "Which words hedge? {~%50%may ~%50%reportedly ~%-100%confirmed}",
    "Select all that apply (there is no = anywhere, as in Moodle). The score is the sum of the ticked weights, at least 0; the positive weights must add up to 100.",
  ],
  ["Missing word", "The {=mayor ~engineer} said the bridge would reopen.", "The answers' place becomes a blank: “The _____ said the bridge would reopen.”"],
  [
    "True/false",
    "The report names its source. {F#No: read the second paragraph.#Right: it names nobody.}",
    "True/false. After # comes the feedback for a wrong answer, after a second # the feedback for a right one. Write T, TRUE, F or FALSE in capitals: Moodle reads {true} as a short answer.",
  ],
  [
    "Short answer",
    "Who said it? {=the mayor =mayor* =%50%the council#Nearly.}",
    "A typed answer, matched ignoring case and extra spaces; * matches anything. A lone answer works too: {Paris}.",
  ],
  [
    "Numerical",
    "How many days? {#3:1} or {#2..4} or {#=3:0 =%50%3:1 ~#Count again.}",
    "A number: 3 ± 1, anything from 2 to 4, or several answers with weights; ~# gives feedback for any other number.",
  ],
  [
    "Matching",
    "Match each claim to its source. {=reopens Monday -> the mayor =no inspection -> an official = -> an engineer}",
    "Matching, graded per item. “= ->” adds an answer that matches nothing.",
  ],
  ["Essay", "What would you check next? {}", "An open answer you read. Never scored."],
  ["Description", "Read both reports before you start.", "Text with no { } at all: shown as a page to read, never scored."],
  ["Feedback", "{=yes#Right. ~no#No: it says “may”.}", "Feedback after # belongs to the answer before it. Without it students see only right or wrong."],
  ["General feedback", "{=yes ~no ####Hedges make a claim less certain.}", "The explanation every student sees after answering."],
  ["Title", "::hedge-1:: Which word hedges? {=may ~will}", "Becomes the question's id, which keeps results together across versions."],
  [
    "Comments and categories",
    "// a note to yourself\n$CATEGORY: $course$/top/Hedging",
    "Comments are ignored. The first category names the set if you give no title.",
  ],
  [
    "Escapes",
    "2 \\= 1 + 1? {=yes \\{really\\} ~no}",
    "\\~ \\= \\# \\{ \\} \\: give the character itself, \\\\ a backslash, \\n a line break. A blank line always ends a question.",
  ],
  [
    "Text formats",
    "[markdown]Which word in **bold** hedges? {=may ~will}",
    "[html], [markdown], [plain] or [moodle] (the default) at the start of a text, as in Moodle. See below.",
  ],
];

const XML_TYPES: [moodle: string, here: string][] = [
  ["Multiple choice (one answer or several)", "Single choice or select all that apply, with the weights, feedback and shuffle setting"],
  ["True/false", "True/false with both feedbacks"],
  ["Short answer", "Short answer, with weights, wildcards and “case matters” kept"],
  ["Numerical", "Numerical: each answer ± its tolerance; units are dropped (noted)"],
  ["Matching", "Matching; an item with no text is an extra answer"],
  ["Essay", "Essay (grader information and response template are dropped, noted)"],
  ["Description", "A page to read"],
  ["Embedded answers (cloze), calculated, drag and drop, select missing words, random", "Left out, with the reason: there is no equivalent here"],
];

function Example({ text }: { text: string }) {
  return (
    <pre>
      <code>{text}</code>
    </pre>
  );
}

export function FormatsPage() {
  return (
    <>
      <p class="meta">
        <a href="/teach/sets/new">Add a set</a>
      </p>
      <h1>Question file formats</h1>
      <p>
        Upload a set as Sourcewise YAML or JSON (with sources and passages: see the README's guide to writing a set), or bring questions from Moodle as GIFT,
        Moodle XML or Aiken. A Moodle file imports every question it can. Each question left out, and each one changed on the way in, is listed with its line in
        the import report on the set's page, and in the API's <code>importNotes</code>. A file is refused only when it cannot be read at all, or has no question
        to answer; then nothing is saved.
      </p>
      <p>
        GIFT, Moodle XML and Aiken carry no skills or sources: the form asks for a skill and a difficulty, and the set is marked “no sources” until you attach
        them.
      </p>

      <h2>GIFT</h2>
      <p>Questions are separated by a blank line. Each construct below is read exactly as Moodle reads it.</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Construct</th>
              <th scope="col">Example</th>
              <th scope="col">Becomes</th>
            </tr>
          </thead>
          <tbody>
            {GIFT.map(([construct, example, becomes]) => (
              <tr>
                <th scope="row">{construct}</th>
                <td>
                  <Example text={example} />
                </td>
                <td>{becomes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Text formats</h2>
      <ul>
        <li>
          <strong>[moodle]</strong> (the default): HTML is allowed and line breaks are kept, as in Moodle.
        </li>
        <li>
          <strong>[html]</strong>: HTML as written. Moodle's editor writes this on every question it saves.
        </li>
        <li>
          <strong>[markdown]</strong>: paragraphs, *emphasis*, **bold**, `code`, code blocks, [links](https://…), lists, quotes and line breaks; headings become
          bold lines.
        </li>
        <li>
          <strong>[plain]</strong>: shown exactly as typed, tags included.
        </li>
      </ul>
      <p>
        Whatever the format, only paragraphs, line breaks, emphasis, lists, quotes, code, simple tables and links (http, https, mailto) reach students. Scripts,
        styles, event handlers and <code>javascript:</code> links are removed. Images and files (Moodle's <code>@@PLUGINFILE@@</code>) cannot be imported: the
        question is kept without them, and the report says so.
      </p>

      <h2>Moodle XML</h2>
      <p>
        Export from Moodle's question bank as “Moodle XML format”. Names become question ids, general feedback the explanation, and each answer's feedback stays
        with it. Categories are merged into one set (the first names it).
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Moodle question type</th>
              <th scope="col">Here</th>
            </tr>
          </thead>
          <tbody>
            {XML_TYPES.map(([moodle, here]) => (
              <tr>
                <th scope="row">{moodle}</th>
                <td>{here}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Students answer each question once here, so Moodle's penalty for each wrong try and its hints for further tries have no effect (hints are noted). Every
        question counts the same, whatever its default mark (noted when it is not 1). The feedback for any correct, partly correct or incorrect response is
        noted rather than shown: put it in the general feedback if students need it.
      </p>

      <h2>Aiken</h2>
      <Example text={"What does “declined to comment” mean?\nA. They denied it\nB) They said nothing either way\nANSWER: B"} />
      <p>Single choice, plain text, no feedback. Options are A. or A) with the letters in order.</p>

      <h2>Taking a set back to Moodle</h2>
      <p>
        Every set, the built-in ones included, downloads as GIFT or Moodle XML from its page (or <code>GET /api/sets/&lt;slug&gt;/export?format=gift</code>).
        Passages, context and claims are written into the question text, sources into the general feedback, so the questions work on their own in Moodle. Claim
        judgements become multiple choice; all-or-nothing “select all” questions become Moodle multiple-answer questions in which each right option is worth an
        equal share and a wrong one takes all the marks away. Such changes are written as comments in the file. Importing the file back gives the same
        questions.
      </p>
    </>
  );
}
