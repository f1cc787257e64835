import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { EditorAssets } from "../../views/pages/teach/editor/assets.tsx";
import { FormatReferencePage } from "../../views/pages/teach/help/format.tsx";
import { TeacherGuidePage } from "../../views/pages/teach/help/guide.tsx";
import { renderTeach } from "./render.tsx";

/** In-app help for teachers: the guide and the format reference, linked from where they are needed. */
export const teachHelpRoutes = new Hono<AppEnv>();

teachHelpRoutes.get("/", (c) =>
  renderTeach(
    c,
    "Teacher guide",
    <>
      <EditorAssets script={false} />
      <TeacherGuidePage />
    </>,
  ),
);

teachHelpRoutes.get("/format", (c) =>
  renderTeach(
    c,
    "The Sourcewise format",
    <>
      <EditorAssets script={false} />
      <FormatReferencePage />
    </>,
  ),
);
