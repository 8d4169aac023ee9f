import type { CatalogueExam, ProgramDefinition } from "./definition";

/**
 * The Cloud CRM competency (reseller option), transcribed from
 * shared/seed/cloud-crm-competency.fr.md. The seed's machine translation glued words together
 * ("MicrosoftDynamics365"); the titles restore the spaces. English titles translate the seed's
 * exam names where the seed gives them in French.
 */

const always = { availableFrom: null, retiredOn: null, acceptedUntil: null } as const;

const catalogue: readonly CatalogueExam[] = [
  {
    code: "MB2-714",
    group: "application",
    title: { en: "Dynamics CRM Customer Service", fr: "Service clientèle Dynamics CRM" },
    ...always,
  },
  {
    code: "MB2-713",
    group: "application",
    title: { en: "Microsoft Dynamics CRM 2016 Sales", fr: "Ventes Microsoft Dynamics CRM 2016" },
    ...always,
  },
  {
    code: "MB2-709",
    group: "application",
    title: { en: "Dynamics CRM Marketing", fr: "Dynamics CRM Marketing" },
    availableFrom: null,
    // seed: MB2-709 retired 2017-12-31, accepted until 2018-12-31
    // ("Retrait le 31 décembre 2017. [...] accepté pour la qualification de compétence jusqu'au 31 décembre 2018")
    retiredOn: "2017-12-31",
    acceptedUntil: "2018-12-31",
  },
  {
    code: "MB2-717",
    group: "application",
    title: { en: "Microsoft Dynamics 365 for Sales", fr: "Microsoft Dynamics 365 for Sales" },
    ...always,
  },
  {
    code: "MB2-718",
    group: "application",
    title: { en: "Microsoft Dynamics 365 for Customer Service", fr: "Microsoft Dynamics 365 for Customer Service" },
    ...always,
  },
  {
    code: "MB2-877",
    group: "application",
    title: { en: "Microsoft Dynamics 365 for Field Service", fr: "Microsoft Dynamics 365 for Field Service" },
    // seed: MB2-877 "disponible en janvier 2018"; the contract fixes the first day to 2018-01-01
    availableFrom: "2018-01-01",
    retiredOn: null,
    acceptedUntil: null,
  },
  {
    code: "MB2-710",
    group: "deployment",
    title: {
      en: "Microsoft Dynamics CRM Online Deployment (2015)",
      fr: "Déploiement de Microsoft Dynamics CRM Online (2015)",
    },
    ...always,
  },
  {
    code: "MB2-706",
    group: "deployment",
    title: { en: "Microsoft Dynamics CRM Online Deployment", fr: "Déploiement de Microsoft Dynamics CRM Online" },
    ...always,
  },
  {
    code: "MB2-715",
    group: "deployment",
    title: {
      en: "Microsoft Dynamics 365 Customer Engagement Online Deployment",
      fr: "Déploiement en ligne d’engagement client Microsoft Dynamics 365",
    },
    ...always,
  },
  {
    code: "MB2-712",
    group: "customization",
    title: {
      en: "Microsoft Dynamics CRM 2016 Customization and Configuration",
      fr: "Personnalisation et configuration de Microsoft Dynamics CRM 2016",
    },
    ...always,
  },
  {
    // The seed's Gold section says "Dynamics CRM365" for this exam; its Silver section, kept
    // here, says "Dynamics CRM".
    code: "MB2-707",
    group: "customization",
    title: {
      en: "Microsoft Dynamics CRM Customization and Configuration",
      fr: "Personnalisation et configuration de Microsoft Dynamics CRM",
    },
    ...always,
  },
  {
    code: "MB2-716",
    group: "customization",
    title: {
      en: "Microsoft Dynamics 365 Customization and Configuration",
      fr: "Personnalisation et configuration de Microsoft Dynamics 365",
    },
    ...always,
  },
];

// seed: "au moins 100000 USD", for developed and developing markets alike, Silver and Gold alike
const oneHundredThousandUsd = { developed: 10_000_000, developing: 10_000_000 };

export const cloudCrm: ProgramDefinition = {
  id: "cloud-crm",
  title: { en: "Cloud Customer Relationship Management", fr: "Gestion de la relation client dans le cloud" },
  catalogue,
  groups: [
    { id: "application", title: { en: "application", fr: "application" } },
    { id: "deployment", title: { en: "deployment", fr: "déploiement" } },
    { id: "customization", title: { en: "customization", fr: "personnalisation" } },
  ],
  roles: [
    // seed: "1 personne doit réussir l'un des examens suivants [...] Les mêmes personnes doivent
    // également réussir l'un des examens suivants"
    {
      id: "application-deployment",
      title: { en: "Application + deployment", fr: "Application + déploiement" },
      groups: ["application", "deployment"],
    },
    // seed: "L'autre personne doit réussir l'un des examens suivants"
    { id: "customization", title: { en: "Customization", fr: "Personnalisation" }, groups: ["customization"] },
  ],
  markets: ["developed", "developing"],
  tiers: [
    // seed: Argent, "au moins 2 personnes": 1 + 1
    {
      id: "silver",
      title: { en: "Silver", fr: "Argent" },
      slots: { "application-deployment": 1, customization: 1 },
      revenueThresholdCents: oneHundredThousandUsd,
    },
    // seed: Or, "au moins 4 personnes": 2 + 2
    {
      id: "gold",
      title: { en: "Gold", fr: "Or" },
      slots: { "application-deployment": 2, customization: 2 },
      revenueThresholdCents: oneHundredThousandUsd,
    },
  ],
  // seed: "sur les douze derniers mois"
  revenueWindowYears: 1,
  // seed: "avec CRM Online ou Dynamics 365 Customer Engagement (anciennement Plan 1)"
  countingProducts: ["crm-online", "d365-ce-plan-1"],
};
