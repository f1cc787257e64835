import { createInterface } from "node:readline/promises";
import { normaliseEmail } from "../teach/email.ts";
import { PASSWORD_MIN_LENGTH, passwordProblem } from "../teach/password-policy.ts";
import { hashPassword } from "../teach/passwords.ts";
import { executeD1Script, queryD1, targetFromArgs } from "./wrangler.ts";

// Usage: npm run teacher:create -- --email you@school.org --name "Ada Lovelace" [--local | --remote]
// The password is asked for (or read from TEACHER_PASSWORD, e.g. in scripts). Later teachers
// sign up with an invite code that an existing teacher creates under Account.
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};

const email = normaliseEmail(option("email") ?? "");
const name = (option("name") ?? "").trim() || email.split("@")[0] || "Teacher";
if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
  console.error('Give the teacher\'s email: npm run teacher:create -- --email you@school.org --name "Your Name"');
  process.exit(1);
}

async function askPassword(): Promise<string> {
  if (process.env.TEACHER_PASSWORD) return process.env.TEACHER_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const password = await rl.question(`Password (at least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words work well): `);
  rl.close();
  return password;
}

const password = await askPassword();
const problem = passwordProblem(password, { email });
if (problem) {
  console.error(problem);
  process.exit(1);
}
const target = targetFromArgs(args);
const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;
if (queryD1(target, `SELECT id FROM teachers WHERE email = ${quote(email)}`).length > 0) {
  console.error(`A teacher with the email ${email} already exists (${target.name}).`);
  process.exit(1);
}
executeD1Script(
  target,
  `INSERT INTO teachers (id, email, display_name, password_hash) VALUES (${quote(crypto.randomUUID())}, ${quote(email)}, ${quote(name)}, ${quote(await hashPassword(password))});`,
);
console.log(`Created teacher ${email} (${target.name}). Sign in at /teach/login.`);
