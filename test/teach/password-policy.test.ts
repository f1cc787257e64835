import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "../../src/teach/common-passwords.ts";
import { passwordsWorthBundling } from "../../src/teach/password-length.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from "../../src/teach/password-policy.ts";

const TOO_SHORT = /^Passwords need at least 15 characters\./;
const PREDICTABLE = /^That password is mostly repeated or sequential characters/;
const COMMON = /^That password is on a list of the most common passwords/;

describe("passwordProblem (sign-up, reset and teacher:create)", () => {
  it("asks for at least 15 characters, counting characters as people see them", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(15);
    for (const password of ["password1234", "aaaaaaaaaaaa", "0123456789", " ".repeat(10), "short", "fourteen chars"]) {
      expect(passwordProblem(password), password).toMatch(TOO_SHORT);
    }
    // Fourteen emoji are 28 UTF-16 units but still fourteen characters.
    expect(passwordProblem("🐢🦊🐙🦉🐝🦀🐬🦔🐞🦋🐌🦎🐸🦜")).toMatch(TOO_SHORT);
  });

  it("welcomes long passphrases, up to 128 characters, in any script, with no composition rules", () => {
    for (const password of [
      "correct horse battery staple",
      "a-long-test-password",
      "lowercase words only please",
      "zwölf boxkämpfer jagen viktor",
      "морская свинка ест морковь",
      "🐢🦊🐙🦉🐝🦀🐬🦔🐞🦋🐌🦎🐸🦜🐳",
    ]) {
      expect(passwordProblem(password), password).toBeNull();
    }
    const words = "river lamp orbit velvet cactus meadow pencil thunder ";
    expect(passwordProblem(words.repeat(3).slice(0, 64))).toBeNull();
    const long = Array.from({ length: 16 }, (_, i) => `${["amber", "basalt", "cedar", "dune"][i % 4]}${i}`).join(" ");
    expect(long.length).toBeGreaterThan(64);
    expect(passwordProblem(long.padEnd(PASSWORD_MAX_LENGTH, "!").slice(0, PASSWORD_MAX_LENGTH))).toBeNull();
    expect(passwordProblem(`${long} `.repeat(3).slice(0, PASSWORD_MAX_LENGTH + 1))).toBe("Passwords can be at most 128 characters.");
  });

  it("refuses every bundled common password, whatever its case", () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThan(30);
    for (const password of COMMON_PASSWORDS) {
      expect(passwordProblem(password), password).toMatch(COMMON);
      expect(passwordProblem(password.toUpperCase()), password).toMatch(COMMON);
    }
    expect(passwordProblem("PasswordPassword")).toMatch(COMMON);
    expect(passwordProblem("qwertyuiop12345")).toMatch(COMMON);
  });

  it("refuses repeated and sequential characters with a clear message", () => {
    for (const password of [
      "a".repeat(15),
      " ".repeat(15),
      "abcabcabcabcabc",
      "0123456789012345",
      "123456789012345",
      "abcdefghijklmnop",
      "ZYXWVUTSRQPONMLK",
      "qwertyqwertyqwerty",
      "qwertyuiopasdfghjkl",
      "iloveyouiloveyou",
      "the the the the the",
      "Zz9!Zz9!Zz9!Zz9!",
      "aaaaaaaaaabcdefgh",
    ]) {
      expect(passwordProblem(password), password).toMatch(PREDICTABLE);
    }
    // A short run inside a passphrase is fine.
    expect(passwordProblem("my flat is number 1234 on the left")).toBeNull();
  });

  it("refuses the email's own name and the site's name (context-specific words)", () => {
    const email = "maria.rivera@school.example";
    expect(passwordProblem("maria.rivera likes tea", { email })).toMatch(/^Passwords cannot contain "maria\.rivera"/);
    expect(passwordProblem("green tea for RIVERA please", { email })).toMatch(/^Passwords cannot contain "rivera"/);
    expect(passwordProblem("my sourcewise password!", { email })).toMatch(/^Passwords cannot contain "sourcewise"/);
    expect(passwordProblem("green tea for everyone please", { email })).toBeNull();
    // Pieces shorter than four characters are too common to refuse.
    expect(passwordProblem("the bo tree grows slowly", { email: "bo@school.example" })).toBeNull();
  });

  it("bundles exactly the package's common passwords that the length rule leaves (npm run passwords:update)", () => {
    const fromPackage = passwordsWorthBundling(dictionary["passwords-common"]);
    expect(dictionary["passwords-common"].length).toBeGreaterThan(40_000);
    expect(COMMON_PASSWORDS).toEqual(fromPackage);
  });
});
