"use client";

/**
 * The last resort, when the root layout itself failed: no layout, no messages and no
 * language are known, so it says so in both of the portal's languages.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "4rem auto", padding: "0 1rem" }}>
        <h1>Something went wrong · Une erreur s’est produite</h1>
        <p>The portal could not show this page. · Le portail n’a pas pu afficher cette page.</p>
        <button type="button" onClick={reset}>
          Try again · Réessayer
        </button>
      </body>
    </html>
  );
}
