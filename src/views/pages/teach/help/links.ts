/** Where the in-app help lives, so pages link to it from where it is needed. */
export const HELP = {
  guide: "/teach/help",
  format: "/teach/help/format",
} as const;
