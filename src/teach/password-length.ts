/**
 * The length rule for new passwords (see password-policy.ts), on its own so that
 * `npm run passwords:update` can use it without loading the list it regenerates.
 * Lengths count characters as people see them (code points), not UTF-16 units.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

export function passwordLength(password: string): number {
  return [...password].length;
}

/**
 * The entries of a common-password list that can still matter once the length rule has run:
 * anything shorter is refused anyway, so only these are bundled into the Worker.
 */
export function passwordsWorthBundling(list: readonly string[]): string[] {
  return list.filter((password) => passwordLength(password) >= PASSWORD_MIN_LENGTH);
}
