import type { Child } from "hono/jsx";
import { assetPath } from "./assets.ts";

export interface LayoutProps {
  title: string;
  children?: Child;
}

const DESCRIPTION =
  "Sourcewise: short quizzes built from real news reports. Read a passage, answer, and see the exact words that show why, the way a fact-checker reads.";

/** The mark: a page of text under a magnifying glass. Drawn in the page's colours, so it follows dark mode. */
function Logo() {
  return (
    <svg class="logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect width="24" height="24" rx="6" />
      <path d="M6 7h9M6 11h5M6 15h3" />
      <path d="M15.5 16.5a3.5 3.5 0 1 0 0-.01ZM18 19l2.5 2.5" />
    </svg>
  );
}

export function Layout({ title, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Sourcewise`}</title>
        <meta name="description" content={DESCRIPTION} />
        <meta name="theme-color" content="#1d5da8" />
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={assetPath("app.css")} />
        <script src={assetPath("app.js")} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <div>
            <a class="brand" href="/">
              <Logo />
              Sourcewise
            </a>
            <nav aria-label="Main">
              <a href="/">Quizzes</a>
              <a href="/me">My attempts</a>
            </nav>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer>
          <div>
            Sourcewise: practise reading the news the way a fact-checker does. <a href="/teach">For teachers</a>
          </div>
        </footer>
      </body>
    </html>
  );
}
