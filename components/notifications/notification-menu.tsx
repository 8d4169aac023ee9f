"use client";

import { Bell } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { openNotification, readAllNotifications } from "@/lib/actions/notifications";
import { cn } from "@/lib/cn";

export interface NotificationItem {
  id: string;
  text: string;
  when: string;
  unread: boolean;
}

/** The bell: the latest notifications; choosing one marks it read and opens its submission. */
export function NotificationMenu({
  items,
  unread,
  labels,
}: {
  items: NotificationItem[];
  unread: number;
  labels: { title: string; unread: string; empty: string; markAllRead: string };
}) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const open = (id: string) => {
    const form = new FormData();
    form.set("id", id);
    startTransition(async () => {
      await openNotification(null, form);
    });
  };
  const readAll = () =>
    startTransition(async () => {
      await readAllNotifications({});
      router.refresh();
    });

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={`${labels.title}: ${labels.unread}`}
          className="relative"
          data-testid="notification-bell"
        >
          <Bell aria-hidden />
          {unread > 0 && (
            <span
              className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-destructive px-1 text-[10px] leading-4 font-semibold text-white"
              data-testid="notification-count"
            >
              {unread}
            </span>
          )}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80">
        <DropdownMenuLabel>{labels.title}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {items.length === 0 ? (
          <p className="px-2 py-1.5 text-sm text-muted-foreground">{labels.empty}</p>
        ) : (
          items.map((item) => (
            <DropdownMenuItem key={item.id} onSelect={() => open(item.id)} className="flex flex-col items-start gap-0.5">
              <span className={cn("text-sm", item.unread && "font-semibold")}>{item.text}</span>
              <span className="text-xs text-muted-foreground">{item.when}</span>
            </DropdownMenuItem>
          ))
        )}
        {unread > 0 && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={readAll}>{labels.markAllRead}</DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
