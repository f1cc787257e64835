import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { AppEnv } from "../../env.ts";
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
