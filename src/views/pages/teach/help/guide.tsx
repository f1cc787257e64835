import { HELP } from "./links.ts";

/** The teacher guide: how to get from an idea to a set students play, and what each page does. */
export function TeacherGuidePage() {
  return (
    <>
      <h1>Teacher guide</h1>
      <p>
        Sourcewise sets are short quizzes built from real news documents. Students answer, then see why, with the exact passages that show it. This guide
        follows a set from first draft to results. The <a href={HELP.format}>format reference</a> describes every field.
      </p>
      <nav aria-labelledby="guide-contents">
        <h2 id="guide-contents">Contents</h2>
        <ol>
          <li>
            <a href="#write">Write a set in the browser</a>
          </li>
          <li>
            <a href="#quotes">Pick quotes from the documents</a>
          </li>
          <li>
            <a href="#draft">Drafts, saving and publishing</a>
          </li>
          <li>
            <a href="#upload">Upload a set, or a new version</a>
          </li>
          <li>
            <a href="#lifecycle">Archive, delete and duplicate</a>
          </li>
          <li>
            <a href="#addresses">Names and addresses</a>
          </li>
          <li>
            <a href="#classes">Classes and results</a>
          </li>
        </ol>
      </nav>

      <h2 id="write">1. Write a set in the browser</h2>
      <p>
        Go to <a href="/teach/sets/new">Add a set</a> and fill in <strong>Start from scratch</strong>: a slug (the set's name in your account), a title and a
        summary. The editor opens. To copy a built-in set instead, open it from the dashboard and use <strong>Duplicate this set</strong>.
      </p>
      <ul>
        <li>
          <strong>Add a question</strong>: choose its type (single choice, multiple select, true or false, claim judgement, evidence selection, short answer,
          number, matching, essay, or text only) and fill in the form. Every field of the format is there: prompt, context, passages, options with their
          feedback and weights, the answer key, the explanation, sources, skill, difficulty and whether the options are shuffled.
        </li>
        <li>
          Lists (options, accepted answers, pairs, passages, sources) always have an empty row to fill in. Tick <strong>Remove</strong> to drop a row, and use{" "}
          <strong>Move up</strong> and <strong>Move down</strong> where order matters. With JavaScript on, <strong>Add another</strong> adds rows without a
          reload.
        </li>
        <li>
          In the editor's list of questions, <strong>Move up</strong>, <strong>Move down</strong>, <strong>Duplicate</strong> and <strong>Delete</strong> work
          on whole questions.
        </li>
        <li>
          <strong>Title, summary and settings</strong> sit at the bottom of the editor: practice or check mode, shuffled questions, the confidence question,
          certainty-based marking, attempts, parallel forms and whether sources are required.
        </li>
        <li>
          Name documents the way students see them: <code>[[002]]</code> shows the document's label, <code>[[002#4]]</code> its fourth paragraph.
        </li>
      </ul>
      <p>
        A save runs the same checks as an upload: the format's rules, and every quote word for word against its document. A problem is shown beside its field,
        the form keeps what you typed, and nothing is saved until it is fixed. Advice about item writing (answers students could guess without reading) is shown
        too, but never stops you.
      </p>

      <h2 id="quotes">2. Pick quotes from the documents</h2>
      <p>
        In a question's form, <strong>Save and pick a passage</strong> (shown with the question) or <strong>Save and pick a source</strong> (shown after
        answering) saves your edits and opens the documents. Choose one, then:
      </p>
      <ul>
        <li>tick the sentences you want, or a whole paragraph (they must follow one another), or</li>
        <li>with JavaScript on, select the words with the mouse or by touch; the selection is widened to whole words.</li>
      </ul>
      <p>The quote is cut from the document's own text, so it is always word for word. Your own documents are listed with the built-in ones.</p>

      <h2 id="draft">3. Drafts, saving and publishing</h2>
      <p>
        Every change (a save, a picked quote, an upload) goes into the set's one <strong>draft</strong>. Students keep the published version until you press{" "}
        <strong>Publish</strong>: then the draft becomes one new version, however many saves it took. Attempts already started stay on the version they began
        with. The editor lists anything that must be fixed first, such as a question without a source.
      </p>
      <p>
        If the set changed in another tab since you opened a page, a save from that page is refused with a message and your typing stays in the form: reload,
        then make the change again. <strong>Discard unpublished changes</strong> on the set's page goes back to the published version.
      </p>

      <h2 id="upload">4. Upload a set, or a new version</h2>
      <p>
        <a href="/teach/sets/new">Add a set</a> also takes a file or pasted text in the Sourcewise format (YAML or JSON), Moodle GIFT or Aiken. On a set's page,{" "}
        <strong>Upload a new version</strong> replaces the draft. GIFT and Aiken carry no skills, sources or settings, so a new version in those formats keeps
        the set's title, summary and settings, and, for each question that matches one already there (by its text, then by its GIFT name), its skill,
        difficulty, context, passages and sources. The set's page then lists what changed since the published version.
      </p>

      <h2 id="lifecycle">5. Archive, delete and duplicate</h2>
      <ul>
        <li>
          <strong>Archive</strong> hides a set from students and from class assignment. Its versions, attempts and results stay. <strong>Unarchive</strong>{" "}
          brings it back unpublished, ready to publish again.
        </li>
        <li>
          <strong>Delete</strong> asks first, and is refused once students have attempted the set (their results would go with it): archive it instead.
        </li>
        <li>
          <strong>Duplicate</strong> copies any set you can see, built-in ones included, into a new draft of your own. Built-in sets cannot be edited
          themselves.
        </li>
      </ul>

      <h2 id="addresses">6. Names and addresses</h2>
      <p>
        A set's slug and a document's id are yours alone: other teachers may use the same names, and nothing they have ever stops you (only your own names and
        the built-in ones are taken). Students reach your set at its own address, shown as the <strong>Student link</strong> on the set's page; your documents
        open in the reader at an address of their own too. Links from before this change keep working.
      </p>

      <h2 id="classes">7. Classes and results</h2>
      <p>
        Under <a href="/teach/classes">Classes</a>, create a class, share its join code, and assign published sets. Each class's results page shows every
        student's attempts, averages by skill and an item analysis, and downloads as CSV. The JSON API (<a href="/api/docs">API documentation</a>) does what the
        upload form does, with a token from <a href="/teach/account">Account</a>.
      </p>
    </>
  );
}
