import { Access } from "../security/access";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { readList } from "../params/item-params";
import { invalidParameter } from "../server/arcgis-error";
import { optionalInteger, optionalString } from "../server/param-readers";
import { stateOf } from "../server/request-state";
import { QuerySyntaxError } from "../search/query-ast";
import {
  COUNT_FIELD_NAMES,
  SORT_FIELD_NAMES,
  searchItems,
  type ItemSearchRequest,
} from "../search/item-search";
import type { PortalServices } from "../server/portal-services";
import { itemJsonsFor, paramsOf, pathParam } from "./content-support";

const MAX_NUM = 100;
const MAX_COUNT_FIELDS = 3;
const MAX_COUNT_SIZE = 200;

export function registerSearchRoutes(app: FastifyInstance, services: PortalServices): void {
  const methods: ("GET" | "POST")[] = ["GET", "POST"];
  app.route({
    method: methods,
    url: "/sharing/rest/search",
    config: { access: Access.anyone },
    handler: async (request) => runSearch(services, request, undefined),
  });
  app.route({
    method: methods,
    url: "/sharing/rest/content/groups/:groupId/search",
    config: { access: Access.mayView("group") },
    handler: async (request) => {
      const groupId = pathParam(request, "groupId");
      if (!services.sharingGroups.get(groupId)) {
        throw invalidParameter("groupId", "names no group.");
      }
      return runSearch(services, request, groupId);
    },
  });
}

function runSearch(
  services: PortalServices,
  request: FastifyRequest,
  groupId: string | undefined,
): unknown {
  const params = paramsOf(request);
  const searchRequest = readSearchRequest(params, groupId);
  let result;
  try {
    result = searchItems(services.db, stateOf(request).user, searchRequest);
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw invalidParameter("q", `${error.message}.`);
    throw error;
  }
  const viewer = stateOf(request).user;
  const end = searchRequest.start - 1 + result.items.length;
  const body: Record<string, unknown> = {
    query: searchRequest.q,
    total: result.total,
    start: searchRequest.start,
    num: searchRequest.num,
    nextStart: end < result.total && result.items.length > 0 ? end + 1 : -1,
    results: itemJsonsFor(services, result.items, viewer),
  };
  if (result.counts.length > 0) body.aggregations = { counts: result.counts };
  return body;
}

function readSearchRequest(
  params: Record<string, string>,
  groupId: string | undefined,
): ItemSearchRequest {
  const q = optionalString(params, "q");
  const bboxText = optionalString(params, "bbox");
  const categories = readCategories(optionalString(params, "categories"));
  if (q === undefined && !bboxText && categories.length === 0 && !groupId) {
    throw invalidParameter("q", "must be specified (or bbox or categories).");
  }
  const sortFields = readList(params.sortField);
  for (const field of sortFields) {
    if (!SORT_FIELD_NAMES.includes(field.toLowerCase())) {
      throw invalidParameter("sortField", `must be one of: ${SORT_FIELD_NAMES.join(", ")}.`);
    }
  }
  const sortOrders = readList(params.sortOrder).map((order) => {
    const lower = order.toLowerCase();
    if (lower !== "asc" && lower !== "desc")
      throw invalidParameter("sortOrder", "must be asc or desc.");
    return lower as "asc" | "desc";
  });
  const countFields = readList(params.countFields).map((field) => field.toLowerCase());
  if (countFields.length > MAX_COUNT_FIELDS) {
    throw invalidParameter("countFields", `allows at most ${MAX_COUNT_FIELDS} fields.`);
  }
  for (const field of countFields) {
    if (!COUNT_FIELD_NAMES.includes(field)) {
      throw invalidParameter("countFields", `must be among: ${COUNT_FIELD_NAMES.join(", ")}.`);
    }
  }
  return {
    q: q ?? "",
    filter: optionalString(params, "filter"),
    bbox: bboxText ? readBbox(bboxText) : undefined,
    categories,
    categoryFilters: readList(params.categoryFilters),
    groupId,
    sortFields,
    sortOrders,
    start: optionalInteger(params, "start", { min: 1 }) ?? 1,
    num: Math.min(optionalInteger(params, "num", { min: 0 }) ?? 10, MAX_NUM),
    countFields,
    countSize: optionalInteger(params, "countSize", { min: 1, max: MAX_COUNT_SIZE }) ?? 10,
  };
}

function readBbox(text: string): number[] {
  const numbers = text.split(",").map((part) => Number(part.trim()));
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) {
    throw invalidParameter("bbox", "must be xmin,ymin,xmax,ymax.");
  }
  return numbers;
}

/**
 * `categories` is a comma-separated OR list, or a JSON array of such lists that are ANDed:
 * `[["/Categories/Water", "/Categories/Soil"], ["/Region/Europe"]]`.
 */
function readCategories(text: string | undefined): string[][] {
  if (!text) return [];
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw invalidParameter("categories", "is not valid JSON.");
    }
    if (!Array.isArray(parsed)) throw invalidParameter("categories", "must be a list.");
    if (parsed.every((entry) => typeof entry === "string")) return [parsed as string[]];
    return parsed.map((entry) => (Array.isArray(entry) ? entry.map(String) : [String(entry)]));
  }
  return [readList(trimmed)];
}
