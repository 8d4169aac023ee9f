"use client";

import { RotateCcwIcon } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { useBoundaryWords } from "./boundary-words";

/**
 * What a route group shows when rendering failed: a sentence in the visitor's language, a
 * retry and a way home, never Next's raw error. The digest lets operators find the server log.
 */
export function ErrorPanel({ error, reset, home }: { error: Error & { digest?: string }; reset: () => void; home: string }) {
  const words = useBoundaryWords();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto grid max-w-xl gap-4 px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{words.title}</h1>
      <p className="text-muted-foreground">{words.body}</p>
      {error.digest && <p className="text-xs text-muted-foreground">{words.reference.replace("{digest}", error.digest)}</p>}
      <div className="flex flex-wrap justify-center gap-2">
        <Button onClick={reset}>
          <RotateCcwIcon aria-hidden />
          {words.retry}
        </Button>
        <Button asChild variant="outline">
          <Link href={home}>{words.home}</Link>
        </Button>
      </div>
    </div>
  );
}
