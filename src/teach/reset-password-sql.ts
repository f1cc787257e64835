import { normaliseEmail } from "./email.ts";

/** A string as an SQLite literal. The CLIs send SQL text through wrangler, which has no parameters. */
export const sqlLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * What `npm run teacher:reset-password` runs, as SQL statements: the teacher's new password hash,
 * and every session of theirs ended so a stolen cookie stops working with the old password.
 * Plain SQL (no Node, no drizzle) so a workerd test can run exactly these against D1.
 */
export function resetPasswordStatements(email: string, passwordHash: string): string[] {
  const teacher = sqlLiteral(normaliseEmail(email));
  return [
    `UPDATE teachers SET password_hash = ${sqlLiteral(passwordHash)} WHERE email = ${teacher};`,
    `DELETE FROM teacher_sessions WHERE teacher_id IN (SELECT id FROM teachers WHERE email = ${teacher});`,
  ];
}
