import type { PassStanding } from "./catalogue";
import type { CalendarDate } from "./dates";
import type { Locale } from "./definition";
import { type Cents, dollarDigits } from "./money";
import type { RevenueExclusion } from "./revenue";

/**
 * The sentences of the explanations, in the words of a partner, in English and French. Money
 * and dates are written here rather than with `Intl`, so that the text is exact and the same
 * in every browser and on the server.
 */

const MONTHS: Record<Locale, readonly string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
};

/** `$82,500.50` / `82 500,50 $US`: the portal's one way of writing money (lib/i18n/format.ts writes it the same). */
export function writeUsd(cents: Cents, locale: Locale): string {
  const { negative, thousands, cents: fraction } = dollarDigits(cents);
  const sign = negative ? "-" : "";
  return locale === "en" ? `${sign}$${thousands.join(",")}.${fraction}` : `${sign}${thousands.join("\u202f")},${fraction}\u00a0$US`;
}

/** `July 1, 2017` / `1er juillet 2017`. */
export function writeDate(date: CalendarDate, locale: Locale): string {
  const year = Number(date.slice(0, 4));
  const month = MONTHS[locale][Number(date.slice(5, 7)) - 1];
  const day = Number(date.slice(8, 10));
  return locale === "en" ? `${month} ${day}, ${year}` : `${day === 1 ? "1er" : day} ${month} ${year}`;
}

export interface PassFacts {
  code: string;
  person: string;
  passedOn: CalendarDate;
  asOf: CalendarDate;
  availableFrom: CalendarDate | null;
  retiredOn: CalendarDate | null;
  acceptedUntil: CalendarDate | null;
}

export interface Phrases {
  tier(title: string, met: boolean): string;
  revenue(totalCents: Cents, thresholdCents: Cents, window: { start: CalendarDate; end: CalendarDate }): string;
  revenueExcluded(
    exclusion: RevenueExclusion,
    lines: number,
    facts: { competency: string; windowStart: CalendarDate; asOf: CalendarDate },
  ): string;
  slots(role: string, filled: number, needed: number, names: readonly string[]): string;
  passNotCounted(standing: Exclude<PassStanding, "counts" | "person-left">, pass: PassFacts): string;
  personLeft(name: string, leftOn: CalendarDate): string;
}

const english: Phrases = {
  tier: (title, met) => `The ${title} tier is ${met ? "met" : "not met"}.`,
  revenue: (total, threshold, window) => {
    const range = `from ${writeDate(window.start, "en")} to ${writeDate(window.end, "en")}`;
    return total >= threshold
      ? `Revenue in the window (${range}) is ${writeUsd(total, "en")}, which meets the ${writeUsd(threshold, "en")} threshold.`
      : `Revenue in the window (${range}) is ${writeUsd(total, "en")}, ${writeUsd(threshold - total, "en")} short of the ${writeUsd(threshold, "en")} threshold.`;
  },
  revenueExcluded: (exclusion, lines, facts) => {
    const count = lines === 1 ? "1 revenue line is" : `${lines} revenue lines are`;
    switch (exclusion) {
      case "not-dpor":
        return `${count} not counted: the partner is not associated with the customer as Digital Partner of Record.`;
      case "product-not-counting":
        return `${count} not counted: the product does not count for ${facts.competency}.`;
      case "before-window":
        return `${count} not counted: booked before the window starts on ${writeDate(facts.windowStart, "en")}.`;
      case "after-as-of":
        return `${count} not counted yet: booked after ${writeDate(facts.asOf, "en")}.`;
    }
  },
  slots: (role, filled, needed, names) =>
    `${role}: ${filled} of ${needed} ${needed === 1 ? "slot" : "slots"} filled${names.length ? ` (${names.join(", ")})` : ""}.`,
  passNotCounted: (standing, pass) => {
    const what = `${pass.code} passed by ${pass.person} on ${writeDate(pass.passedOn, "en")}`;
    switch (standing) {
      case "unknown-exam":
        return `${what} does not count: it is not an exam of this competency.`;
      case "not-yet-available":
        return `${what} does not count: the exam was only available from ${writeDate(pass.availableFrom ?? pass.passedOn, "en")}.`;
      case "retired":
        return `${what} does not count: the exam was retired on ${writeDate(pass.retiredOn ?? pass.passedOn, "en")}.`;
      case "no-longer-accepted":
        return `${what} no longer counts: it was accepted until ${writeDate(pass.acceptedUntil ?? pass.asOf, "en")}.`;
      case "dated-after-as-of":
        return `${what} does not count yet: it is dated after ${writeDate(pass.asOf, "en")}.`;
    }
  },
  personLeft: (name, leftOn) => `${name} left on ${writeDate(leftOn, "en")}; their exams no longer count.`,
};

const french: Phrases = {
  tier: (title, met) => `Le niveau ${title} ${met ? "est atteint" : "n’est pas atteint"}.`,
  revenue: (total, threshold, window) => {
    const range = `du ${writeDate(window.start, "fr")} au ${writeDate(window.end, "fr")}`;
    return total >= threshold
      ? `Les recettes de la période (${range}) s’élèvent à ${writeUsd(total, "fr")}, ce qui atteint le seuil de ${writeUsd(threshold, "fr")}.`
      : `Les recettes de la période (${range}) s’élèvent à ${writeUsd(total, "fr")}, soit ${writeUsd(threshold - total, "fr")} de moins que le seuil de ${writeUsd(threshold, "fr")}.`;
  },
  revenueExcluded: (exclusion, lines, facts) => {
    const count = lines <= 1 ? `${lines} ligne de recettes n’est` : `${lines} lignes de recettes ne sont`;
    switch (exclusion) {
      case "not-dpor":
        return `${count} pas comptée${lines > 1 ? "s" : ""}\u00a0: le partenaire n’est pas associé au client comme partenaire de référence numérique.`;
      case "product-not-counting":
        return `${count} pas comptée${lines > 1 ? "s" : ""}\u00a0: le produit ne compte pas pour la compétence ${facts.competency}.`;
      case "before-window":
        return `${count} pas comptée${lines > 1 ? "s" : ""}\u00a0: enregistrée${lines > 1 ? "s" : ""} avant le début de la période, le ${writeDate(facts.windowStart, "fr")}.`;
      case "after-as-of":
        return `${count} pas encore comptée${lines > 1 ? "s" : ""}\u00a0: enregistrée${lines > 1 ? "s" : ""} après le ${writeDate(facts.asOf, "fr")}.`;
    }
  },
  slots: (role, filled, needed, names) =>
    `${role}\u00a0: ${filled} ${filled > 1 ? "places" : "place"} sur ${needed} ${filled > 1 ? "pourvues" : "pourvue"}${names.length ? ` (${names.join(", ")})` : ""}.`,
  passNotCounted: (standing, pass) => {
    const what = `${pass.code}, réussi par ${pass.person} le ${writeDate(pass.passedOn, "fr")},`;
    switch (standing) {
      case "unknown-exam":
        return `${what} ne compte pas\u00a0: ce n’est pas un examen de cette compétence.`;
      case "not-yet-available":
        return `${what} ne compte pas\u00a0: l’examen n’était disponible qu’à partir du ${writeDate(pass.availableFrom ?? pass.passedOn, "fr")}.`;
      case "retired":
        return `${what} ne compte pas\u00a0: l’examen a été retiré le ${writeDate(pass.retiredOn ?? pass.passedOn, "fr")}.`;
      case "no-longer-accepted":
        return `${what} ne compte plus\u00a0: il était accepté jusqu’au ${writeDate(pass.acceptedUntil ?? pass.asOf, "fr")}.`;
      case "dated-after-as-of":
        return `${what} ne compte pas encore\u00a0: il est daté après le ${writeDate(pass.asOf, "fr")}.`;
    }
  },
  personLeft: (name, leftOn) => `${name} a quitté l’entreprise le ${writeDate(leftOn, "fr")}\u202f; ses examens ne comptent plus.`,
};

export const phrases: Readonly<Record<Locale, Phrases>> = { en: english, fr: french };
