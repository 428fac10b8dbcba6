import fc from "fast-check";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { GIS } from "tsgis";
import { QuerySyntaxError } from "../../portal/src/search/query-ast";
import { parseQuery } from "../../portal/src/search/query-parser";
import { startRecordingServer, type RunningServer } from "../support/http-servers";
import { LONG } from "./support";

const HTTP_RUNS = LONG ? 1000 : 150;
// npm test replays the same inputs every time, so CI is repeatable; test:long explores new ones
// (fast-check prints the seed of any failure to replay it).
if (!LONG) fc.configureGlobal({ seed: 20_261_128 });
const UNIT_RUNS = LONG ? 20_000 : 2000;

/** Strings that look like search syntax: fields, operators, quotes, ranges, wildcards, escapes. */
const queryLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "title:",
        "tags:",
        "owner:",
        "type:",
        "id:",
        "created:",
        "group:",
        "orgid:",
        "unknownfield:",
      ),
      fc.constantFrom(
        "AND",
        "OR",
        "NOT",
        "&&",
        "||",
        "!",
        "-",
        "+",
        "(",
        ")",
        '"',
        "[",
        "]",
        "{",
        "}",
        " TO ",
        "*",
        "?",
        "\\",
        ":",
        " ",
      ),
      fc.string({ maxLength: 8 }),
      fc.string({ unit: "grapheme", maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

/** Any value a form field can carry, weighted towards the awkward ones. */
const fieldValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    "",
    "-1",
    "0",
    "1",
    "99999999999999999999",
    "1e3",
    "NaN",
    "true",
    "null",
    "{}",
    "[]",
    '{"a":',
    "%00",
    "\u0000",
    "1,2,3,4",
    "a,b",
  ),
  fc.integer().map(String),
);

/** Every answer must be the real API's: HTTP 200 JSON, and any error a 4xx with a message. */
async function expectArcGISAnswer(response: Response): Promise<void> {
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    error?: { code?: number; message?: string; details?: unknown };
  };
  if (body.error) {
    expect(body.error.code).toBeGreaterThanOrEqual(400);
    expect(body.error.code).toBeLessThan(500);
    expect(typeof body.error.message).toBe("string");
    expect(Array.isArray(body.error.details)).toBe(true);
  }
}

describe("the search query parser", () => {
  it("returns a query tree or a QuerySyntaxError for any input, never another failure", () => {
    fc.assert(
      fc.property(fc.oneof(queryLike, fc.string({ maxLength: 60 })), (query) => {
        try {
          expect(parseQuery(query)).toBeDefined();
        } catch (error) {
          expect(error).toBeInstanceOf(QuerySyntaxError);
        }
      }),
      { numRuns: UNIT_RUNS },
    );
  });
});

describe("the portal's REST parameter parsers over HTTP", () => {
  let portal: RunningPortal;
  let token: string;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    const response = await fetch(`${portal.url}/sharing/rest/generateToken`, {
      method: "POST",
      body: new URLSearchParams({
        f: "json",
        username: "publisher",
        password: "tsgis-publisher-1",
        client: "referer",
        referer: "http://localhost",
      }),
    });
    token = ((await response.json()) as { token: string }).token;
  });

  afterAll(async () => {
    await portal.close();
  });

  const get = (resource: string, params: Record<string, string>) =>
    fetch(
      `${portal.url}/sharing/rest/${resource}?${new URLSearchParams({ f: "json", ...params })}`,
      {
        headers: { "X-Esri-Authorization": `Bearer ${token}` },
      },
    );
  const post = (resource: string, params: Record<string, string>) =>
    fetch(`${portal.url}/sharing/rest/${resource}`, {
      method: "POST",
      headers: { "X-Esri-Authorization": `Bearer ${token}` },
      body: new URLSearchParams({ f: "json", ...params }),
    });

  const searchParams = fc.record(
    {
      q: fc.oneof(queryLike, fieldValue),
      start: fieldValue,
      num: fieldValue,
      sortField: fieldValue,
      sortOrder: fieldValue,
      bbox: fieldValue,
      categories: fieldValue,
      countFields: fieldValue,
      countSize: fieldValue,
    },
    { requiredKeys: [] },
  );

  it.each([["search"], ["community/users"], ["community/groups"], ["content/users/publisher"]])(
    "%s answers any parameters with results or the API's 400",
    async (resource) => {
      await fc.assert(
        fc.asyncProperty(searchParams, async (params) => {
          await expectArcGISAnswer(await get(resource, params as Record<string, string>));
        }),
        { numRuns: HTTP_RUNS },
      );
    },
    120_000,
  );

  it("content/users/{user} answers a start beyond 64-bit integers with the API's 400", async () => {
    await expectArcGISAnswer(
      await get("content/users/publisher", { start: "99999999999999999999" }),
    );
  });

  it("addItem answers any field values with success or the API's 400, never a half-written item", async () => {
    const itemFields = fc.record(
      {
        title: fieldValue,
        type: fc.oneof(fieldValue, fc.constant("CSV")),
        tags: fieldValue,
        extent: fieldValue,
        text: fieldValue,
        typeKeywords: fieldValue,
        properties: fieldValue,
        snippet: fieldValue,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(itemFields, async (fields) => {
        const response = await post(
          "content/users/publisher/addItem",
          fields as Record<string, string>,
        );
        const clone = response.clone();
        await expectArcGISAnswer(response);
        const body = (await clone.json()) as { success?: boolean; id?: string; error?: unknown };
        if (body.error) return;
        // What the portal acknowledged can be read back whole.
        const item = (await (await get(`content/items/${body.id}`, {})).json()) as {
          id?: string;
          error?: unknown;
        };
        expect(item.error).toBeUndefined();
        expect(item.id).toBe(body.id);
      }),
      { numRuns: HTTP_RUNS },
    );
  }, 120_000);
});

describe("the client's argument checks", () => {
  let server: RunningServer;
  let gis: GIS;

  beforeAll(async () => {
    // A stand-in portal answering every request with an empty search page (and an org id),
    // so that valid arguments go through and the only question is when a request is sent.
    server = await startRecordingServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(
        JSON.stringify({
          id: "org1",
          currentVersion: "2025.1",
          total: 0,
          start: 1,
          num: 0,
          nextStart: -1,
          results: [],
        }),
      );
    });
    gis = await GIS.connect({ url: server.url, setActive: false });
  });

  afterAll(async () => {
    gis.session.close();
    await server.close();
  });

  const anything = fc.oneof(
    fc.anything(),
    fc.constantFrom(-2, -1, 0, 1.5, 1e9, Number.NaN, "", "asc", "desc", true, null),
  );

  /** Runs `call`; a TypeError/RangeError must name an argument and come before any request. */
  async function checkArguments(names: string[], call: () => Promise<unknown>): Promise<void> {
    const before = server.requests.length;
    try {
      await call();
    } catch (error) {
      expect(error instanceof TypeError || error instanceof RangeError).toBe(true);
      const named = names.some(
        (name) =>
          (error as Error).message.startsWith(`${name}:`) ||
          (error as Error).message.startsWith(`${name}.`),
      );
      expect({ message: (error as Error).message, named }).toEqual({
        message: (error as Error).message,
        named: true,
      });
      expect(server.requests.length).toBe(before);
    }
  }

  it("content.search names the bad argument before any request", async () => {
    const options = fc.record(
      {
        itemType: anything,
        sortField: anything,
        sortOrder: anything,
        maxItems: anything,
        outsideOrg: anything,
        categories: anything,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), anything), options, (query, opts) =>
        checkArguments(
          [
            "query",
            "itemType",
            "sortField",
            "sortOrder",
            "maxItems",
            "outsideOrg",
            "categories",
            "categoryFilters",
          ],
          () => gis.content.search(query as string, opts as never),
        ),
      ),
      { numRuns: HTTP_RUNS },
    );
  });

  it("content.advancedSearch names the bad argument before any request", async () => {
    const options = fc.record(
      {
        start: anything,
        countSize: anything,
        bbox: anything,
        sortOrder: anything,
        countFields: anything,
        asDict: anything,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), anything), options, (query, opts) =>
        checkArguments(
          [
            "query",
            "start",
            "countSize",
            "bbox",
            "sortField",
            "sortOrder",
            "countFields",
            "categories",
            "categoryFilters",
            "asDict",
          ],
          () => gis.content.advancedSearch(query as string, opts as never),
        ),
      ),
      { numRuns: HTTP_RUNS },
    );
  });

  it("content.advancedSearch rejects a bad asDict before sending the request", async () => {
    const before = server.requests.length;
    await expect(gis.content.advancedSearch("", { asDict: [] as never })).rejects.toThrow(
      /^asDict:/,
    );
    expect(server.requests.length).toBe(before);
  });

  it("groups.create names the bad argument before any request", async () => {
    const options = fc.record(
      {
        access: anything,
        isInvitationOnly: anything,
        sortOrder: anything,
        autoJoin: anything,
        maxFileSize: anything,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), anything),
        fc.oneof(fc.string(), fc.array(fc.string()), anything),
        options,
        (title, tags, opts) =>
          checkArguments(
            [
              "title",
              "tags",
              "access",
              "isInvitationOnly",
              "sortField",
              "sortOrder",
              "autoJoin",
              "maxFileSize",
              "description",
              "snippet",
              "thumbnail",
              "provider",
              "providerGroupName",
              "isViewOnly",
              "usersUpdateItems",
            ],
            () => gis.groups.create(title as string, tags as string, opts as never),
          ),
      ),
      { numRuns: HTTP_RUNS },
    );
  });
});
