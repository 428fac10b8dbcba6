import { Access } from "../security/access";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyInstance, FastifyRequest } from "fastify";
// @fastify/multipart parses into memory; parts of a multipart upload are streamed to disk with
// the same parser it uses underneath (always installed with it).
import Busboy, { type BusboyHeaders } from "@fastify/busboy";
import { readItemFields } from "../params/item-params";
import type { ItemRecord } from "../model/item-record";
import { ArcGISRequestError, invalidParameter } from "../server/arcgis-error";
import { authenticate } from "../server/authenticate";
import { optionalInteger } from "../server/param-readers";
import { collectParams } from "../server/request-params";
import { stateOf } from "../server/request-state";
import type { PortalServices } from "../server/portal-services";
import { finishUpload, liesInPlace } from "../uploads/finish-upload";
import { SlotWriter, type PartLanding } from "../uploads/slot-writer";
import { UploadParts } from "../uploads/upload-parts";
import { registerOwnerItemRoute } from "./owner-item-route";
import { ownedItem, paramsOf, pathParam, pathUser } from "./content-support";

const MAX_PART_NUMBER = 10000;
const MAX_PART_BYTES = 100 * 1024 * 1024;

const notPartial = (): ArcGISRequestError =>
  new ArcGISRequestError(400, "The item is not waiting for a multipart upload.", [], "CONT_0097");

/** A part being written into its slot by a request, until its handler records it. */
interface SlotPlacement {
  readonly itemId: string;
  readonly partNum: number;
  landing?: PartLanding;
  /** Given back already: a later claim of the same slot belongs to another request. */
  released?: boolean;
}

/** What a streamed request wrote: files to disk, and at most one part into its slot. */
interface StreamedBody {
  files: Record<string, string>;
  slot?: SlotPlacement;
  /** Where the slot's part goes if it outgrows its slot. */
  spill?: string;
}

/** Until its handler takes them. */
const streamedBodies = new WeakMap<IncomingMessage, StreamedBody>();

/**
 * The multipart upload API: addItem with `multipart=true` (in user-content), then addPart for
 * each numbered part, commit to join them in order, and status to follow the commit. A part
 * from a caller already known to be allowed is streamed straight into its place in the item's
 * file (see uploads/upload-parts.ts), so that commit usually has nothing to copy; any other part
 * is streamed to a file of its own. Nothing is held in memory.
 */
export function registerMultipartUploadRoutes(
  app: FastifyInstance,
  services: PortalServices,
): void {
  const uploads = new UploadParts(services.files, services.uploadDir);
  const releaseSlot = (raw: IncomingMessage): void => {
    const slot = streamedBodies.get(raw)?.slot;
    if (!slot || slot.released) return;
    slot.released = true;
    uploads.release(slot.itemId, slot.partNum);
  };
  void app.register(async (streaming) => {
    streaming.removeContentTypeParser("multipart/form-data");
    streaming.addContentTypeParser("multipart/form-data", (request, payload, done) => {
      const body: StreamedBody = { files: {} };
      streamedBodies.set(request.raw, body);
      const placeFile = (fields: Record<string, string>): SlotWriter | undefined => {
        const claim = claimSlot(services, uploads, request, fields);
        if (!claim) return undefined;
        body.slot = { itemId: claim.itemId, partNum: claim.partNum };
        let staging: number;
        try {
          staging = uploads.openStaging(claim.itemId);
        } catch {
          releaseSlot(request.raw);
          body.slot = undefined;
          return undefined;
        }
        const spillPath = path.join(services.uploadDir, randomBytes(12).toString("hex"));
        return new SlotWriter(staging, claim.slot, spillPath);
      };
      streamFormToDisk(request.raw, payload, services.uploadDir, body, placeFile).then(
        (fields) => done(null, fields),
        (error: Error) => {
          releaseSlot(request.raw);
          done(Object.assign(error, { statusCode: 400 }), undefined);
        },
      );
    });
    streaming.addHook("onResponse", async (request) => {
      // A refused or failed request leaves its slot unrecorded: the next upload of the part
      // overwrites it.
      releaseSlot(request.raw);
      const body = streamedBodies.get(request.raw);
      for (const file of [...Object.values(body?.files ?? {}), body?.spill ?? ""])
        if (file) fs.rmSync(file, { force: true });
    });
    for (const url of [
      "/sharing/rest/content/users/:username/items/:itemId/addPart",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/addPart",
    ]) {
      streaming.route({
        method: ["POST"],
        url,
        config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
        handler: async (request) => {
          try {
            return addPart(services, uploads, request);
          } finally {
            releaseSlot(request.raw);
          }
        },
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
      // A part still streaming into its slot would write into the finished file.
      if (uploads.isWriting(item.id))
        throw invalidParameter("partNum", "a part is still being uploaded; commit after it.");
      const parts = uploads.list(item.id);
      if (parts.length === 0) throw invalidParameter("partNum", "no parts were uploaded.");
      const { fields, categories } = readItemFields(paramsOf(request), item);
      services.items.update(item.id, { ...fields, uploadStatus: "processing" });
      if (categories) services.items.setCategories(item.id, categories);
      const finishing = finishUpload(services, uploads, item, parts);
      // Parts already in place need only a truncate and a rename: answer when that is done.
      // Assembling takes a while: the client follows it with `status`.
      if (liesInPlace(parts, uploads.stride(item.id))) await finishing;
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
      parts: uploads.list(item.id).map((part) => part.partNum),
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

/**
 * Decides, when a part's bytes begin, whether they may go straight into the item's file: only
 * for a caller the route would admit (checked now with the token and fields sent so far, the
 * same checks the handler repeats), for an item waiting for parts. Anything unclear answers
 * undefined and the part goes to a file of its own, judged by the handler as before.
 */
function claimSlot(
  services: PortalServices,
  uploads: UploadParts,
  request: FastifyRequest,
  fields: Record<string, string>,
):
  | { itemId: string; partNum: number; slot: NonNullable<ReturnType<UploadParts["claimSlot"]>> }
  | undefined {
  try {
    const params = collectParams(request.query, fields);
    const user = authenticate(services, request, params);
    const access = request.routeOptions.config.access;
    if (!access) return undefined;
    access.admit(user);
    // The route's own checks read the request state; the preHandler sets it again, identically.
    request.portalState = { params, user };
    const owner = pathUser(services, request, pathParam(request, "username"));
    const item = ownedItem(services, request, owner, pathParam(request, "itemId"));
    if (item.uploadStatus !== "partial") return undefined;
    const partNum = optionalInteger(params.values, "partNum", { min: 1, max: MAX_PART_NUMBER });
    if (partNum === undefined) return undefined;
    const slot = uploads.claimSlot(item.id, partNum, MAX_PART_BYTES);
    return slot ? { itemId: item.id, partNum, slot } : undefined;
  } catch {
    return undefined;
  }
}

function addPart(services: PortalServices, uploads: UploadParts, request: FastifyRequest): unknown {
  const owner = pathUser(services, request, pathParam(request, "username"));
  const item = ownedItem(services, request, owner, pathParam(request, "itemId"));
  if (item.uploadStatus !== "partial") throw notPartial();
  const partNum = optionalInteger(stateOf(request).params.values, "partNum", {
    min: 1,
    max: MAX_PART_NUMBER,
  });
  if (partNum === undefined) throw invalidParameter("partNum", "must be specified.");
  const body = streamedBodies.get(request.raw) ?? { files: {} };
  const slot = body.slot;
  const upload = body.files.file;
  if (slot?.landing && slot.itemId === item.id && slot.partNum === partNum) {
    uploads.record(item.id, partNum, slot.landing);
  } else {
    if (!upload) throw invalidParameter("file", "must carry the part's bytes.");
    uploads.record(item.id, partNum, { kind: "file", path: upload, size: 0 });
    delete body.files.file;
  }
  return { success: true, itemId: item.id, partNum };
}

/**
 * Parses a multipart body into `body`, writing each file part to a fresh file under `dir`, or
 * into the writer `placeFile` gives for it (once the fields before it are known). Resolves with
 * the fields.
 */
function streamFormToDisk(
  raw: IncomingMessage,
  payload: NodeJS.ReadableStream,
  dir: string,
  body: StreamedBody,
  placeFile: (fields: Record<string, string>) => SlotWriter | undefined,
): Promise<Record<string, string>> {
  fs.mkdirSync(dir, { recursive: true });
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files = body.files;
    const writes: Promise<void>[] = [];
    const sinks: Writable[] = [];
    let failed = false;
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      // Only once every sink is closed: a slot is given back when nothing more can land in it.
      for (const sink of sinks) sink.destroy();
      void Promise.all(sinks.map(closed)).then(() => {
        for (const file of [...Object.values(files), body.spill ?? ""])
          if (file) fs.rmSync(file, { force: true });
        reject(error);
      });
    };
    // A client gone mid-body ends nothing the parser sees: stop here rather than wait forever.
    raw.once("close", () => {
      if (!raw.complete) fail(new Error("the request ended before its body"));
    });
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
      stream.on("limit", () => fail(new Error("a part may be at most 100 MB")));
      const writer = name === "file" && !body.slot && !failed ? placeFile(fields) : undefined;
      if (writer) {
        body.spill = writer.spillPath;
        sinks.push(writer);
        // A body cut short fails this pipeline before the parser finishes: handle it here, or
        // its rejection goes unobserved and ends the process.
        writes.push(
          pipeline(stream, writer).then(() => {
            if (body.slot) body.slot.landing = writer.landing();
          }, fail),
        );
        return;
      }
      const target = path.join(dir, randomBytes(12).toString("hex"));
      files[name] = target;
      const sink = fs.createWriteStream(target);
      sinks.push(sink);
      writes.push(pipeline(stream, sink).catch(fail));
    });
    parser.on("error", fail);
    parser.on("finish", () => {
      Promise.all(writes).then(() => {
        if (!failed) resolve(fields);
      }, fail);
    });
    payload.pipe(parser);
  });
}

function closed(stream: Writable): Promise<void> {
  return stream.closed
    ? Promise.resolve()
    : new Promise((resolve) => stream.once("close", resolve));
}
