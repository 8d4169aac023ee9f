import { NotFoundPanel } from "@/components/boundaries/not-found-panel";

export default function NotFound() {
  return <NotFoundPanel home="/program" />;
}
