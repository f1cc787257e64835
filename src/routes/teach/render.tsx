import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { AppEnv } from "../../env.ts";
import { AppError } from "../../lib/errors.ts";
import { TeachShell } from "../../views/components/teach-nav.tsx";

/** Renders a signed-in teacher's page inside the teacher navigation. */
export function renderTeach(c: Context<AppEnv>, title: string, content: Child) {
  const teacher = c.var.teacher;
  return c.render(
    teacher ? (
      <TeachShell teacherName={teacher.displayName} csrfToken={c.var.csrfToken}>
        {content}
      </TeachShell>
    ) : (
      // biome-ignore lint/complexity/noUselessFragments: the fragment turns a Child into the JSX element c.render takes
      <>{content}</>
    ),
    { title: `${title} · Teachers` },
  );
}

/** Plain text fields of a submitted form, for re-filling it after an error. */
export function formValues(form: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) if (typeof value === "string" && key !== "_csrf" && key !== "password") values[key] = value;
  return values;
}

/**
 * Runs a form's work; a problem the teacher can fix (a 4xx other than 404) is returned to be
 * shown next to the form, keeping what they typed. Anything else propagates to onError.
 */
export async function inlineErrors<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: AppError }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof AppError && error.status < 500 && error.status !== 404) return { ok: false, error };
    throw error;
  }
}
