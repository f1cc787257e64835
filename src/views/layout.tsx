import type { Child } from "hono/jsx";
import { assetPath } from "./assets.ts";

export interface LayoutProps {
  title: string;
  children?: Child;
}

export function Layout({ title, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Sourcewise`}</title>
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
              Sourcewise
            </a>
            <nav aria-label="Main">
              <a href="/">Quizzes</a>
              <a href="/me">My attempts</a>
              <a href="/teach">Teachers</a>
            </nav>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer>Sourcewise: practise reading the news the way a fact-checker does.</footer>
      </body>
    </html>
  );
}
