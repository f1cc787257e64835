import { createInterface } from "node:readline/promises";
import { normaliseEmail } from "../teach/email.ts";
import { PASSWORD_MIN_LENGTH, passwordProblem } from "../teach/password-policy.ts";
import { hashPassword } from "../teach/passwords.ts";
import { resetPasswordStatements, sqlLiteral } from "../teach/reset-password-sql.ts";
import { executeD1Script, queryD1, targetFromArgs } from "./wrangler.ts";

// Usage: npm run teacher:reset-password -- --email them@school.org [--local | --remote]
// For the operator, when a teacher is locked out and no colleague can issue a reset link. The
// new password is asked for (or read from TEACHER_PASSWORD); every session of the teacher ends.
const args = process.argv.slice(2);
const at = args.indexOf("--email");
const email = normaliseEmail((at >= 0 ? args[at + 1] : undefined) ?? "");
if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
  console.error("Give the teacher's email: npm run teacher:reset-password -- --email them@school.org");
  process.exit(1);
}

const target = targetFromArgs(args);
if (queryD1(target, `SELECT id FROM teachers WHERE email = ${sqlLiteral(email)}`).length === 0) {
  console.error(`No teacher has the email ${email} (${target.name}).`);
  process.exit(1);
}

async function askPassword(): Promise<string> {
  if (process.env.TEACHER_PASSWORD) return process.env.TEACHER_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const password = await rl.question(`New password (at least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words work well): `);
  rl.close();
  return password;
}

const password = await askPassword();
const problem = passwordProblem(password, { email });
if (problem) {
  console.error(problem);
  process.exit(1);
}
executeD1Script(target, resetPasswordStatements(email, await hashPassword(password)).join("\n"));
console.log(`Set a new password for ${email} (${target.name}) and ended their sessions. They sign in at /teach/login.`);
