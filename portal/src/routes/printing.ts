import { Access } from "../security/access";
import type { FastifyInstance } from "fastify";
import { type Box, projectGeometry, readGeometry } from "../features/esri-geometry";
import { kindOf } from "../features/hosted-services";
import { PrintOutputs } from "../features/render/print-outputs";
import { type DrawLayer, renderLayers } from "../features/render/render-features";
import { drawLayersOf } from "../features/render/service-drawing";
import { requireRead } from "../features/service-access";
import { invalidParameter } from "../server/arcgis-error";
import { optionalJsonObject, optionalString } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";

const TASK = "/rest/services/Utilities/PrintingTools/GPServer/Export Web Map Task";
const OUTPUTS = "/rest/directories/arcgisoutput/Utilities/PrintingTools_GPServer";
const MAX_SIDE = 4096;

/**
 * The printing service (`helperServices.printTask`): Export Web Map Task with the MAP_ONLY
 * layout and PNG output, drawing the operational layers that are this portal's hosted
 * feature layers. `Item.createThumbnail` uses it, as it uses the print service of a real portal.
 */
export function registerPrintingRoutes(app: FastifyInstance, context: PortalServices): void {
  const store = context.featureServices;
  const outputs = new PrintOutputs();
  const methods: ("GET" | "POST")[] = ["GET", "POST"];

  app.route({
    method: methods,
    url: TASK,
    config: { access: Access.anyone },
    handler: async () => ({
      name: "Export Web Map Task",
      displayName: "Export Web Map Task",
      executionType: "esriExecutionTypeSynchronous",
      parameters: [
        {
          name: "Web_Map_as_JSON",
          dataType: "GPString",
          direction: "esriGPParameterDirectionInput",
          parameterType: "esriGPParameterTypeRequired",
        },
        {
          name: "Format",
          dataType: "GPString",
          direction: "esriGPParameterDirectionInput",
          defaultValue: "PNG32",
          choiceList: ["PNG32", "PNG8"],
        },
        {
          name: "Layout_Template",
          dataType: "GPString",
          direction: "esriGPParameterDirectionInput",
          defaultValue: "MAP_ONLY",
          choiceList: ["MAP_ONLY"],
        },
        {
          name: "Output_File",
          dataType: "GPDataFile",
          direction: "esriGPParameterDirectionOutput",
        },
      ],
    }),
  });

  app.route({
    method: methods,
    url: `${TASK}/execute`,
    config: { access: Access.anyone },
    handler: async (request) => {
      const { params, user } = stateOf(request);
      const webMap = optionalJsonObject(params.values, "Web_Map_as_JSON");
      if (!webMap) throw invalidParameter("Web_Map_as_JSON", "is required.");
      const format = (optionalString(params.values, "Format") ?? "PNG32").toUpperCase();
      if (format !== "PNG32" && format !== "PNG8")
        throw invalidParameter("Format", "must be PNG32 or PNG8.");
      const layout = optionalString(params.values, "Layout_Template") ?? "MAP_ONLY";
      if (layout !== "MAP_ONLY")
        throw invalidParameter("Layout_Template", "must be MAP_ONLY (the only layout here).");
      const [width, height] = outputSize(webMap);
      const extent = mapExtent(webMap);
      const layers: DrawLayer[] = [];
      for (const operational of (Array.isArray(webMap.operationalLayers)
        ? webMap.operationalLayers
        : []) as { url?: unknown }[]) {
        const match =
          typeof operational.url === "string"
            ? /\/rest\/services\/Hosted\/([^/]+)\/FeatureServer(?:\/(\d+))?\/?$/.exec(
                operational.url,
              )
            : null;
        const service = match ? store.byName(decodeURIComponent(match[1])) : undefined;
        if (!service || kindOf(service) !== "features") continue;
        requireRead(context.db, service, user);
        layers.push(
          ...drawLayersOf(
            store,
            service,
            extent,
            match?.[2] !== undefined ? [Number(match[2])] : undefined,
          ),
        );
      }
      const id = outputs.put(renderLayers(layers, extent, width, height, [255, 255, 255, 255]));
      return {
        results: [
          {
            paramName: "Output_File",
            dataType: "GPDataFile",
            value: { url: `${context.rootUrl}${OUTPUTS}/${id}.png` },
          },
        ],
        messages: [],
      };
    },
  });

  app.route({
    method: "GET",
    url: `${OUTPUTS}/:file`,
    config: { access: Access.anyone },
    handler: async (request, reply) => {
      const { file } = request.params as { file: string };
      const data = outputs.get(file.replace(/\.png$/, ""));
      if (!data)
        return reply.code(404).send({ error: { code: 404, message: "Not Found", details: [] } });
      return reply.type("image/png").send(data);
    },
  });
}

function outputSize(webMap: Record<string, unknown>): [number, number] {
  const size = (webMap.exportOptions as { outputSize?: unknown } | undefined)?.outputSize;
  if (size === undefined) return [800, 600];
  if (
    !Array.isArray(size) ||
    size.length !== 2 ||
    !size.every((side) => Number.isInteger(side) && side > 0 && side <= MAX_SIDE)
  ) {
    throw invalidParameter(
      "Web_Map_as_JSON",
      `exportOptions.outputSize must be [width, height] of 1-${MAX_SIDE} pixels.`,
    );
  }
  return [size[0], size[1]];
}

/** The map's extent in Web Mercator. */
function mapExtent(webMap: Record<string, unknown>): Box {
  const extent = (webMap.mapOptions as { extent?: unknown } | undefined)?.extent;
  if (!extent) throw invalidParameter("Web_Map_as_JSON", "needs mapOptions.extent.");
  const { geometry, wkid } = readGeometry(extent, "Web_Map_as_JSON");
  if (!("xmin" in geometry) || geometry.xmax <= geometry.xmin || geometry.ymax <= geometry.ymin) {
    throw invalidParameter("Web_Map_as_JSON", "mapOptions.extent must be a non-empty envelope.");
  }
  return projectGeometry(geometry, wkid ?? 3857, 3857) as Box;
}
