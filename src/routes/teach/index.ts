import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { loadTeacher, requireTeacher } from "../../lib/teacher-auth.ts";
import { teachAccountRoutes } from "./account.tsx";
import { teachAssetRoutes } from "./assets.ts";
import { teachAuthRoutes } from "./auth.tsx";
import { teachClassRoutes } from "./classes.tsx";
import { teachDocumentRoutes } from "./documents.tsx";
import { teachEditorRoutes } from "./editor.tsx";
import { teachEditorQuestionRoutes } from "./editor-questions.tsx";
import { teachHelpRoutes } from "./help.tsx";
import { teachPasswordResetRoutes } from "./password-reset.tsx";
import { teachQuotePickerRoutes } from "./quote-picker.tsx";
import { teachSetLifecycleRoutes } from "./set-lifecycle.tsx";
import { teachSetRoutes } from "./sets.tsx";

/** Everything under /teach. Sign-in, sign-up and reset links are open; the rest needs a teacher session. */
export const teachRoutes = new Hono<AppEnv>();

// The editor's stylesheet and script need no session (they are the same for everyone).
teachRoutes.route("/assets", teachAssetRoutes);
teachRoutes.use(loadTeacher);
teachRoutes.route("/", teachAuthRoutes);
teachRoutes.route("/", teachPasswordResetRoutes);
teachRoutes.use(requireTeacher);
teachRoutes.route("/", teachSetRoutes);
teachRoutes.route("/", teachSetLifecycleRoutes);
teachRoutes.route("/", teachEditorRoutes);
teachRoutes.route("/", teachEditorQuestionRoutes);
teachRoutes.route("/", teachQuotePickerRoutes);
teachRoutes.route("/", teachAccountRoutes);
teachRoutes.route("/documents", teachDocumentRoutes);
teachRoutes.route("/classes", teachClassRoutes);
teachRoutes.route("/help", teachHelpRoutes);
