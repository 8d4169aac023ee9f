import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";

/** Signing in and accepting an invitation: open to signed-out visitors. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="content" className="mx-auto flex max-w-6xl justify-center px-4 py-12">
        <div className="w-full max-w-md">{children}</div>
      </main>
    </>
  );
}
