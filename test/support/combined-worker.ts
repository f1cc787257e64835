import student, { app as studentApp } from "../../src/index.tsx";
import { isStudioPath } from "../../src/lib/studio-paths.ts";
import { app as studioApp } from "../../src/studio/index.tsx";

/**
 * The workerd tests' main Worker: both Workers' apps in one isolate with one migrated D1, so
 * tests stay fast and in-process. Studio paths go straight to the studio app, as the student
 * Worker's STUDIO binding would send them; the rest is the student Worker itself.
 * test/routes/two-workers.test.ts checks the real forwarding through a service binding.
 */
export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    if (isStudioPath(request.url)) return studioApp.fetch(request, env, ctx);
    return studentApp.fetch(request, env, ctx);
  },
  scheduled: student.scheduled,
} satisfies ExportedHandler<Env>;
