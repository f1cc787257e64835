import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

// zod/mini ships no messages; load English alone (not every locale) so errors read well.
z.config(en());
