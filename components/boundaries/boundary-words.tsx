"use client";

import { createContext, use, type ReactNode } from "react";

/** What an error boundary says, already worded in the visitor's language by the root layout. */
export interface BoundaryWords {
  title: string;
  body: string;
  /** Holds `{digest}`, replaced by the error's reference. */
  reference: string;
  retry: string;
  home: string;
}

const BoundaryWordsContext = createContext<BoundaryWords | null>(null);

/**
 * Error boundaries are client components that no server component renders, so their few
 * words come down once from the root layout: the browser then needs no message catalogue
 * and no formatter of its own.
 */
export function BoundaryWordsProvider({ words, children }: { words: BoundaryWords; children: ReactNode }) {
  return <BoundaryWordsContext value={words}>{children}</BoundaryWordsContext>;
}

export function useBoundaryWords(): BoundaryWords {
  const words = use(BoundaryWordsContext);
  if (!words) throw new Error("useBoundaryWords needs the root layout's BoundaryWordsProvider");
  return words;
}
