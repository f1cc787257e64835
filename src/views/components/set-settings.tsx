import type { SetSettings } from "../../content/schema.ts";
import { allowedAttempts } from "../../quiz/attempt-policy.ts";

/** A set version's settings in words, as `<dt>`/`<dd>` pairs for a teacher's definition list. */
export function SetSettingsList({ settings }: { settings: SetSettings }) {
  const attempts = allowedAttempts(settings);
  return (
    <>
      <dt>Mode</dt>
      <dd>
        {settings.mode === "check"
          ? "Check (before and after): no verdict, feedback or source until the student finishes; questions and options shuffled; answered in order"
          : `Practice: feedback after every answer${settings.shuffleQuestions ? "; questions shuffled" : ""}`}
      </dd>
      <dt>Attempts per student</dt>
      <dd>{attempts === null ? "unlimited" : attempts}</dd>
      <dt>Asks "How sure are you?"</dt>
      <dd>{settings.confidence ? `yes${settings.certaintyMarking ? ", with certainty-based marking (Moodle CBM)" : ""}` : "no"}</dd>
      {settings.form ? (
        <>
          <dt>Parallel form</dt>
          <dd>
            form {settings.form.form} of the "{settings.form.group}" check
          </dd>
        </>
      ) : null}
    </>
  );
}
