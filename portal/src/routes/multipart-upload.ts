import { Access } from "../security/access";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import type { FastifyInstance, FastifyRequest } from "fastify";
// @fastify/multipart parses into memory; parts of a multipart upload are streamed to disk with
// the same parser it uses underneath (always installed with it).
import Busboy, { type BusboyHeaders } from "@fastify/busboy";
import { readItemFields } from "../params/item-params";
import type { ItemRecord } from "../model/item-record";
import { ArcGISRequestError, invalidParameter } from "../server/arcgis-error";
import { optionalInteger } from "../server/param-readers";
import { stateOf } from "../server/request-state";
import type { PortalServices } from "../server/portal-services";
import { registerOwnerItemRoute } from "./owner-item-route";
import { ownedItem, paramsOf, pathParam, pathUser } from "./content-support";

const MAX_PART_NUMBER = 10000;
const MAX_PART_BYTES = 100 * 1024 * 1024;

const notPartial = (): ArcGISRequestError =>
  new ArcGISRequestError(400, "The item is not waiting for a multipart upload.", [], "CONT_0097");

/** Files a streamed request wrote to disk, until its handler takes them. */
const streamedFiles = new WeakMap<IncomingMessage, Record<string, string>>();

/**
 * The multipart upload API: addItem with `multipart=true` (in user-content), then addPart for
 * each numbered part, commit to assemble them in order, and status to follow the assembly.
 * Parts are streamed to disk as they arrive, never held in memory.
 */
export function registerMultipartUploadRoutes(
  app: FastifyInstance,
  services: PortalServices,
): void {
  void app.register(async (streaming) => {
    streaming.removeContentTypeParser("multipart/form-data");
    streaming.addContentTypeParser("multipart/form-data", (request, payload, done) => {
      streamFormToDisk(request.raw, payload, services.uploadDir).then(
        ({ fields, files }) => {
          streamedFiles.set(request.raw, files);
          done(null, fields);
        },
        (error: Error) => done(Object.assign(error, { statusCode: 400 }), undefined),
      );
    });
    streaming.addHook("onResponse", async (request) => {
      for (const file of Object.values(streamedFiles.get(request.raw) ?? {}))
        fs.rmSync(file, { force: true });
    });
    for (const url of [
      "/sharing/rest/content/users/:username/items/:itemId/addPart",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/addPart",
    ]) {
      streaming.route({
        method: ["POST"],
        url,
        config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
        handler: async (request) => addPart(services, request),
      });
    }
  });

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/commit",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/commit",
    ],
    async (request, _owner, item) => {
      if (item.uploadStatus !== "partial") throw notPartial();
      const parts = partNumbers(services, item.id);
      if (parts.length === 0) throw invalidParameter("partNum", "no parts were uploaded.");
      const { fields, categories } = readItemFields(paramsOf(request), item);
      services.items.update(item.id, { ...fields, uploadStatus: "processing" });
      if (categories) services.items.setCategories(item.id, categories);
      // Assembling a large file takes a while: the client follows it with `status`.
      void assemble(services, item, parts);
      return { success: true, id: item.id };
    },
  );

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/parts",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/parts",
    ],
    async (_request, _owner, item) => ({
      parts: partNumbers(services, item.id),
    }),
  );

  registerOwnerItemRoute(
    app,
    services,
    ["/sharing/rest/content/users/:username/:folderId/items/:itemId/status"],
    async (_request, _owner, item) => {
      const current = services.items.get(item.id) as ItemRecord;
      const status = current.uploadStatus ?? "completed";
      return { status, statusMessage: status, itemId: item.id };
    },
  );
}

async function addPart(services: PortalServices, request: FastifyRequest): Promise<unknown> {
  const owner = pathUser(services, request, pathParam(request, "username"));
  const item = ownedItem(services, request, owner, pathParam(request, "itemId"));
  if (item.uploadStatus !== "partial") throw notPartial();
  const partNum = optionalInteger(stateOf(request).params.values, "partNum", {
    min: 1,
    max: MAX_PART_NUMBER,
  });
  if (partNum === undefined) throw invalidParameter("partNum", "must be specified.");
  const files = streamedFiles.get(request.raw) ?? {};
  const upload = files.file;
  if (!upload) throw invalidParameter("file", "must carry the part's bytes.");
  const target = path.join(services.files.partsDir(item.id), String(partNum));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(upload, target);
  delete files.file;
  return { success: true, itemId: item.id, partNum };
}

function partNumbers(services: PortalServices, itemId: string): number[] {
  const dir = services.files.partsDir(itemId);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map(Number)
    .filter((n) => Number.isInteger(n))
    .sort((a, b) => a - b);
}

async function assemble(
  services: PortalServices,
  item: ItemRecord,
  parts: number[],
): Promise<void> {
  const name = item.name ?? "data";
  const target = services.files.dataFile(item.id, name);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const output = fs.createWriteStream(target);
    const finished = new Promise<void>((resolve, reject) => {
      output.on("error", reject);
      output.on("finish", resolve);
    });
    for (const part of parts) {
      // One output stream for every part: copy chunk by chunk, honouring back-pressure.
      for await (const chunk of fs.createReadStream(
        path.join(services.files.partsDir(item.id), String(part)),
      )) {
        if (!output.write(chunk)) await once(output, "drain");
      }
    }
    output.end();
    await finished;
    fs.rmSync(services.files.partsDir(item.id), { recursive: true, force: true });
    services.items.update(item.id, { size: fs.statSync(target).size, uploadStatus: "completed" });
  } catch {
    // The item may have been deleted meanwhile; otherwise report the failure through status.
    try {
      if (services.items.get(item.id))
        services.items.update(item.id, { uploadStatus: "failed" }, false);
    } catch {
      // The portal closed its database while assembling: there is no one left to tell.
    }
  }
}

/** Parses a multipart body, writing each file part to a fresh file under `dir`. */
function streamFormToDisk(
  raw: IncomingMessage,
  payload: NodeJS.ReadableStream,
  dir: string,
): Promise<{ fields: Record<string, string>; files: Record<string, string> }> {
  fs.mkdirSync(dir, { recursive: true });
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: Record<string, string> = {};
    const writes: Promise<void>[] = [];
    let failed = false;
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      for (const file of Object.values(files)) fs.rmSync(file, { force: true });
      reject(error);
    };
    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({
        headers: raw.headers as BusboyHeaders,
        limits: { fileSize: MAX_PART_BYTES },
      });
    } catch (error) {
      fail(error as Error);
      return;
    }
    parser.on("field", (name: string, value: string) => {
      fields[name] = value;
    });
    parser.on("file", (name: string, stream: NodeJS.ReadableStream) => {
      const target = path.join(dir, randomBytes(12).toString("hex"));
      files[name] = target;
      stream.on("limit", () => fail(new Error("a part may be at most 100 MB")));
      // A body cut short fails this pipeline before the parser finishes: handle it here, or
      // its rejection goes unobserved and ends the process.
      writes.push(pipeline(stream, fs.createWriteStream(target)).catch(fail));
    });
    parser.on("error", fail);
    parser.on("finish", () => {
      Promise.all(writes).then(() => {
        if (!failed) resolve({ fields, files });
      }, fail);
    });
    payload.pipe(parser);
  });
}
