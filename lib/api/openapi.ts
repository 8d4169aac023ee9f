import "server-only";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { builtInProgram } from "@/lib/rules";
import { examPassInputFor, examPassNotesChanges } from "@/lib/schemas/exams";
import { personInput } from "@/lib/schemas/people";
import { plainRevenueLineChanges, plainRevenueLineInput } from "@/lib/schemas/revenue";
import { problemTypes } from "./problem";
import {
  asOfQuery,
  evaluationSchema,
  examPassListQuery,
  examPassSchema,
  forecastSchema,
  gapsSchema,
  nextTierSchema,
  pageOf,
  peopleListQuery,
  personSchema,
  personUpsertBody,
  problemSchema,
  revenueLineSchema,
  revenueListQuery,
  untilQuery,
} from "./schemas";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the schemas the routes parse and answer
 * with (lib/schemas, lib/api/schemas): what it says is what the routes check.
 */

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: problemSchema } } });

const failures = {
  "401": problem("No token, or one that is unknown, revoked or expired."),
  "429": {
    ...problem("Too many requests for this token this minute."),
    headers: { "Retry-After": { description: "Seconds until the token may send again.", schema: { type: "integer" as const } } },
  },
};
const readFailures = { ...failures, "422": problem("A query parameter breaks a rule: each at its path.") };
const writeFailures = {
  ...failures,
  "400": problem("The body is not JSON."),
  "403": problem("The token may only read."),
  "409": problem("The record conflicts with another (an MCID or a reference taken, a pass already recorded)."),
  "413": problem("The body is larger than 1 MB."),
  "415": problem("The body is not sent as JSON (Content-Type: application/json)."),
  "422": problem("The body breaks a rule: each field at its JSON path, worded as the forms word it."),
};
const recordFailures = { "404": problem("No such record in the token's organization.") };
const updateFailures = {
  "412": problem("The record changed since the version in If-Match: read it again."),
  "428": problem("If-Match, the record's version, is required."),
};

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const etagged = <S extends z.ZodType>(schema: S, description: string) => ({
  ...json(schema, description),
  headers: { ETag: { description: "The record's version, for If-Match.", schema: { type: "string" as const } } },
});

const idParam = z.object({ id: z.uuid() });
const ifMatchHeader = z.object({ "if-match": z.string().meta({ description: 'The version of the record read (its ETag), e.g. "3".' }) });
const idempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .max(200)
    .optional()
    .meta({ description: "Sent again with the same request within 24 hours, the first answer is returned and nothing more is written." }),
});

function read(
  summary: string,
  responses: ZodOpenApiResponsesObject,
  extra: Partial<ZodOpenApiOperationObject> = {},
): ZodOpenApiOperationObject {
  return { summary, security: [{ token: [] }], ...extra, responses: { ...readFailures, ...responses } };
}

function write(
  summary: string,
  body: z.ZodType | null,
  responses: ZodOpenApiResponsesObject,
  extra: Partial<ZodOpenApiOperationObject> = {},
): ZodOpenApiOperationObject {
  return {
    summary,
    security: [{ token: [] }],
    ...extra,
    requestParams: { ...extra.requestParams, header: extra.requestParams?.header ?? idempotencyHeader },
    ...(body && { requestBody: { content: { "application/json": { schema: body } } } }),
    responses: { ...writeFailures, ...responses },
  };
}

const examPassInput = examPassInputFor(builtInProgram);

let built: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  built ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Cloud CRM competency portal API",
      version: "1.0.0",
      description:
        "The people, exam passes and revenue lines of the token's organization, and its competency evaluated by the portal's rules. " +
        "A partner admin creates tokens on the Integrations page. Errors are RFC 9457 problems in the language of Accept-Language (English or French); " +
        `their type is /api/docs#problem- and one of: ${Object.values(problemTypes).join(", ")}.`,
    },
    servers: [{ url: "/api/v1" }],
    components: { securitySchemes: { token: { type: "http", scheme: "bearer", description: "An organization API token (ccp_…)." } } },
    paths: {
      "/people": {
        get: read(
          "List people",
          { "200": json(pageOf(personSchema, "PersonPage"), "A page of people.") },
          { requestParams: { query: peopleListQuery } },
        ),
        post: write("Record a person", personInput, { "201": etagged(personSchema, "The person recorded.") }),
      },
      "/people/upsert": {
        post: write("Create or update the person with this MCID", personUpsertBody, {
          "200": etagged(personSchema, "The person, updated or unchanged."),
          "201": etagged(personSchema, "The person, created."),
        }),
      },
      "/people/{id}": {
        get: read(
          "Read a person",
          { "200": etagged(personSchema, "The person."), ...recordFailures },
          { requestParams: { path: idParam } },
        ),
        patch: write(
          "Change a person (leftOn records a departure)",
          personInput.partial(),
          { "200": etagged(personSchema, "The person changed."), ...recordFailures, ...updateFailures },
          { requestParams: { path: idParam, header: ifMatchHeader.extend(idempotencyHeader.shape) } },
        ),
        delete: write(
          "Delete a person recorded by mistake (one with no exam pass and no account)",
          null,
          { "204": { description: "Deleted." }, ...recordFailures, ...updateFailures },
          { requestParams: { path: idParam, header: ifMatchHeader.extend(idempotencyHeader.shape) } },
        ),
      },
      "/exam-passes": {
        get: read(
          "List exam passes",
          { "200": json(pageOf(examPassSchema, "ExamPassPage"), "A page of exam passes.") },
          { requestParams: { query: examPassListQuery } },
        ),
        post: write("Record an exam pass", examPassInput, { "201": etagged(examPassSchema, "The pass recorded."), ...recordFailures }),
      },
      "/exam-passes/upsert": {
        post: write("Record the pass of this person, exam and day unless it is", examPassInput, {
          "200": etagged(examPassSchema, "The pass, already recorded."),
          "201": etagged(examPassSchema, "The pass, recorded."),
          ...recordFailures,
        }),
      },
      "/exam-passes/{id}": {
        get: read(
          "Read an exam pass",
          { "200": etagged(examPassSchema, "The pass."), ...recordFailures },
          { requestParams: { path: idParam } },
        ),
        patch: write(
          "Change an exam pass's notes and transcript",
          examPassNotesChanges,
          { "200": etagged(examPassSchema, "The pass changed."), ...recordFailures, ...updateFailures },
          { requestParams: { path: idParam, header: ifMatchHeader.extend(idempotencyHeader.shape) } },
        ),
        delete: write(
          "Delete an exam pass",
          null,
          { "204": { description: "Deleted." }, ...recordFailures, ...updateFailures },
          { requestParams: { path: idParam, header: ifMatchHeader.extend(idempotencyHeader.shape) } },
        ),
      },
      "/revenue-lines": {
        get: read(
          "List revenue lines",
          { "200": json(pageOf(revenueLineSchema, "RevenueLinePage"), "A page of revenue lines.") },
          { requestParams: { query: revenueListQuery } },
        ),
        post: write("Record a revenue line", plainRevenueLineInput, { "201": etagged(revenueLineSchema, "The line recorded.") }),
      },
      "/revenue-lines/upsert": {
        post: write("Create or update the line with this invoice reference", plainRevenueLineInput, {
          "200": etagged(revenueLineSchema, "The line, updated or unchanged."),
          "201": etagged(revenueLineSchema, "The line, created."),
        }),
      },
      "/revenue-lines/{id}": {
        get: read(
          "Read a revenue line",
          { "200": etagged(revenueLineSchema, "The line."), ...recordFailures },
          { requestParams: { path: idParam } },
        ),
        patch: write(
          "Change a revenue line",
          plainRevenueLineChanges,
          { "200": etagged(revenueLineSchema, "The line changed."), ...recordFailures, ...updateFailures },
          { requestParams: { path: idParam, header: ifMatchHeader.extend(idempotencyHeader.shape) } },
        ),
        delete: write(
          "Delete a revenue line",
          null,
          { "204": { description: "Deleted." }, ...recordFailures, ...updateFailures },
          { requestParams: { path: idParam, header: ifMatchHeader.extend(idempotencyHeader.shape) } },
        ),
      },
      "/evaluation": {
        get: read(
          "The competency on a day",
          { "200": json(evaluationSchema, "The evaluation, in the rules contract's format.") },
          { requestParams: { query: asOfQuery } },
        ),
      },
      "/gaps": {
        get: read(
          "What each tier and each person is missing",
          { "200": json(gapsSchema, "The gaps.") },
          { requestParams: { query: asOfQuery } },
        ),
      },
      "/next-tier": {
        get: read(
          "The fewest exams to the next tier",
          { "200": json(nextTierSchema, "The plan.") },
          { requestParams: { query: asOfQuery } },
        ),
      },
      "/forecast": {
        get: read(
          "Every change of tier over the coming year",
          { "200": json(forecastSchema, "The forecast.") },
          { requestParams: { query: untilQuery } },
        ),
      },
    },
  });
  return built;
}
