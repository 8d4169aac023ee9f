import { compileErrors, dereference, validate } from "@readme/openapi-parser";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { NextRequest } from "next/server";
import { expect } from "vitest";
import * as evaluation from "@/app/api/v1/evaluation/route";
import * as examPass from "@/app/api/v1/exam-passes/[id]/route";
import * as examPasses from "@/app/api/v1/exam-passes/route";
import * as examPassUpsert from "@/app/api/v1/exam-passes/upsert/route";
import * as forecast from "@/app/api/v1/forecast/route";
import * as gaps from "@/app/api/v1/gaps/route";
import * as nextTier from "@/app/api/v1/next-tier/route";
import * as person from "@/app/api/v1/people/[id]/route";
import * as people from "@/app/api/v1/people/route";
import * as personUpsert from "@/app/api/v1/people/upsert/route";
import * as revenueLine from "@/app/api/v1/revenue-lines/[id]/route";
import * as revenueLines from "@/app/api/v1/revenue-lines/route";
import * as revenueUpsert from "@/app/api/v1/revenue-lines/upsert/route";
import { openApiDocument } from "@/lib/api/openapi";

// Each route types its own params; any of them is called with the params its path gives.
type Handler = (request: NextRequest, context: { params: Promise<never> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "DELETE", Handler>>;

/** The routes of /api/v1 by their template in the OpenAPI document, as Next.js would match them. */
const routes: Array<{ template: string; pattern: RegExp; module: RouteModule }> = [
  { template: "/people/upsert", pattern: /^\/people\/upsert$/, module: personUpsert },
  { template: "/people/{id}", pattern: /^\/people\/(?<id>[^/]+)$/, module: person },
  { template: "/people", pattern: /^\/people$/, module: people },
  { template: "/exam-passes/upsert", pattern: /^\/exam-passes\/upsert$/, module: examPassUpsert },
  { template: "/exam-passes/{id}", pattern: /^\/exam-passes\/(?<id>[^/]+)$/, module: examPass },
  { template: "/exam-passes", pattern: /^\/exam-passes$/, module: examPasses },
  { template: "/revenue-lines/upsert", pattern: /^\/revenue-lines\/upsert$/, module: revenueUpsert },
  { template: "/revenue-lines/{id}", pattern: /^\/revenue-lines\/(?<id>[^/]+)$/, module: revenueLine },
  { template: "/revenue-lines", pattern: /^\/revenue-lines$/, module: revenueLines },
  { template: "/evaluation", pattern: /^\/evaluation$/, module: evaluation },
  { template: "/gaps", pattern: /^\/gaps$/, module: gaps },
  { template: "/next-tier", pattern: /^\/next-tier$/, module: nextTier },
  { template: "/forecast", pattern: /^\/forecast$/, module: forecast },
];

type Schema = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

type Described = { paths: Record<string, Record<string, Operation | undefined> | undefined> };
let dereferenced: Described | undefined;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

/** The OpenAPI document, checked against the OpenAPI 3.1 specification and with every $ref resolved. */
export async function checkedDocument() {
  if (!dereferenced) {
    const document = structuredClone(openApiDocument()) as Parameters<typeof dereference>[0];
    const result = await validate(structuredClone(document));
    if (!result.valid) throw new Error(`the OpenAPI document is invalid:\n${compileErrors(result)}`);
    const resolved: unknown = await dereference(document);
    dereferenced = resolved as Described;
  }
  return dereferenced;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Calls the route handler that `path` (under /api/v1) reaches, as Next.js would, and checks that
 * the answer is one the OpenAPI document describes for that operation: its status, its content
 * type and, against the documented schema, its body.
 */
export async function api(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
  const url = new URL(`http://portal.test/api/v1${path}`);
  const route = routes.find((candidate) => candidate.pattern.test(url.pathname.slice("/api/v1".length)));
  if (!route) throw new Error(`no route for ${path}`);
  const handler = route.module[method];
  if (!handler) throw new Error(`${route.template} has no ${method}`);
  const params = url.pathname.slice("/api/v1".length).match(route.pattern)!.groups ?? {};
  const request = new NextRequest(url, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) as Promise<never> });
  const text = await response.text();
  const answer = { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };

  const document = await checkedDocument();
  const operation = document.paths[route.template]?.[method.toLowerCase()];
  expect(operation, `${method} ${route.template} is in the document`).toBeDefined();
  const described = operation?.responses[String(response.status)];
  expect(described, `${method} ${route.template} documents ${response.status}`).toBeDefined();
  if (text && described) {
    const type = response.headers.get("content-type") ?? "";
    const content = described.content?.[type];
    expect(content, `${method} ${route.template} ${response.status} documents ${type}`).toBeDefined();
    const validate = ajv.compile(content!.schema);
    expect(validate(answer.body) ? [] : validate.errors, `${method} ${path} → ${response.status} matches its schema`).toEqual([]);
  }
  return answer;
}
