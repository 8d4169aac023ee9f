"use client";

import * as React from "react";
import { usePathname } from "next/navigation";
import { useTheme } from "next-themes";
import { Toaster as Sonner, toast, type ToasterProps as SonnerProps } from "sonner";
import { CircleCheckIcon, InfoIcon, Loader2Icon, OctagonXIcon, TriangleAlertIcon } from "lucide-react";

type ToasterProps = Omit<SonnerProps, "theme" | "containerAriaLabel"> & {
  /** Accessible name of the notification region (sonner's default is English). */
  label: string;
  /** Accessible name of each toast's close button; needed whenever `closeButton` is set. */
  closeLabel?: string;
};

function toSonnerTheme(theme: string | undefined): SonnerProps["theme"] {
  return theme === "light" || theme === "dark" ? theme : "system";
}

/** A toast speaks of the page it was raised on: moving to another page dismisses it. */
function useDismissOnNavigation() {
  const pathname = usePathname();
  const shown = React.useRef(pathname);
  React.useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    toast.dismiss();
  }, [pathname]);
}

function Toaster({ label, closeLabel, toastOptions, style, ...props }: ToasterProps) {
  const { theme } = useTheme();
  useDismissOnNavigation();

  return (
    <Sonner
      theme={toSonnerTheme(theme)}
      className="toaster group"
      containerAriaLabel={label}
      toastOptions={{
        ...toastOptions,
        closeButtonAriaLabel: closeLabel ?? toastOptions?.closeButtonAriaLabel,
      }}
      icons={{
        success: <CircleCheckIcon className="size-4" aria-hidden="true" />,
        info: <InfoIcon className="size-4" aria-hidden="true" />,
        warning: <TriangleAlertIcon className="size-4" aria-hidden="true" />,
        error: <OctagonXIcon className="size-4" aria-hidden="true" />,
        loading: <Loader2Icon className="size-4 animate-spin" aria-hidden="true" />,
      }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
          ...style,
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { Toaster, toast, type ToasterProps };
