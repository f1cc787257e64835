import type { TeacherSet } from "../../../db/queries/teacher-sets.ts";
import { CsrfField } from "../../components/csrf.tsx";

/** A one-button form posting to one of the set's actions. */
function ActionButton(props: { slug: string; action: string; label: string; csrfToken: string; revision?: number; secondary?: boolean }) {
  return (
    <form method="post" action={`/teach/sets/${props.slug}/${props.action}`}>
      <CsrfField token={props.csrfToken} />
      {props.revision !== undefined ? <input type="hidden" name="revision" value={String(props.revision)} /> : null}
      <button type="submit" class={props.secondary ? "secondary" : undefined}>
        {props.label}
      </button>
    </form>
  );
}

/** Editing, publishing and the set's lifecycle, for the teacher's own sets. */
export function SetLifecycleActions({ set, revision, csrfToken }: { set: TeacherSet; revision: number; csrfToken: string }) {
  const common = { slug: set.slug, csrfToken };
  if (set.archived) {
    return (
      <div class="actions">
        <p>This set is archived: students cannot see it, and its results are kept.</p>
        <ActionButton {...common} action="unarchive" label="Unarchive" />
        <a href={`/teach/sets/${set.slug}/delete`}>Delete…</a>
      </div>
    );
  }
  return (
    <div class="actions">
      <a class="button" href={`/teach/sets/${set.slug}/edit`}>
        Edit
      </a>
      {set.draft || (set.current && !set.published) ? (
        <ActionButton {...common} action="publish" revision={revision} label={set.draft ? `Publish version ${set.draft.version}` : "Publish"} />
      ) : null}
      {set.published ? <ActionButton {...common} action="unpublish" label="Unpublish" secondary /> : null}
      {set.draft && set.current ? <ActionButton {...common} action="draft/discard" revision={revision} label="Discard unpublished changes" secondary /> : null}
      <ActionButton {...common} action="archive" label="Archive" secondary />
      <a href={`/teach/sets/${set.slug}/delete`}>Delete…</a>
    </div>
  );
}

/** Any set the teacher can see, built-in ones included, can be copied into an editable set. */
export function DuplicateForm({ set, csrfToken, values = {} }: { set: TeacherSet; csrfToken: string; values?: Record<string, string> }) {
  return (
    <section aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading">Duplicate this set</h2>
      <p>Makes a copy of your own to edit{set.builtIn ? "" : ", from the latest content (unpublished changes included)"}. The copy starts as a draft.</p>
      <form method="post" action={`/teach/sets/${set.slug}/duplicate`}>
        <CsrfField token={csrfToken} />
        <label for="copy-slug">Slug of the copy</label>
        <input type="text" id="copy-slug" name="slug" required pattern="[a-z0-9][a-z0-9\-]{0,63}" value={values.slug ?? `${set.slug.slice(0, 59)}-copy`} />
        <label for="copy-title">Title of the copy (optional)</label>
        <input type="text" id="copy-title" name="title" maxlength={140} value={values.title ?? ""} />
        <button type="submit" class="secondary">
          Duplicate
        </button>
      </form>
    </section>
  );
}

/** Asks before deleting; a set with results cannot be deleted, and archiving is offered instead. */
export function DeleteSetPage({ set, title, attempts, csrfToken }: { set: TeacherSet; title: string; attempts: number; csrfToken: string }) {
  return (
    <>
      <p class="meta">
        <a href={`/teach/sets/${set.slug}`}>{title}</a>
      </p>
      <h1>Delete "{title}"?</h1>
      {attempts > 0 ? (
        <>
          <p>
            Students have made {attempts} attempt{attempts === 1 ? "" : "s"} on this set, so it cannot be deleted: its results would go with it.
          </p>
          <p>Archive it instead. An archived set is hidden from students and from class assignment, and its results stay where they are.</p>
          {set.archived ? <p>It is archived already.</p> : <ActionButton slug={set.slug} action="archive" label="Archive instead" csrfToken={csrfToken} />}
        </>
      ) : (
        <>
          <p>Nobody has attempted this set. Deleting it removes every version and its class assignments, and cannot be undone.</p>
          <ActionButton slug={set.slug} action="delete" label="Delete the set" csrfToken={csrfToken} />
        </>
      )}
      <p>
        <a href={`/teach/sets/${set.slug}`}>Keep the set</a>
      </p>
    </>
  );
}
