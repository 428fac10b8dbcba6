// The JupyterLab plugin: tells the Jupyter widgets manager where the tsgis map's model and
// view classes are, so a MapView from the kernel renders in notebook outputs.
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { IJupyterWidgetRegistry } from "@jupyter-widgets/base";
import { MAP_WIDGET_MODULE, MapModel, MapWidgetView } from "@tsgis/widget";

const plugin: JupyterFrontEndPlugin<void> = {
  id: "@tsgis/labextension:map-widget",
  description: "Renders tsgis map widgets (gis.map()) with @arcgis/core.",
  requires: [IJupyterWidgetRegistry],
  autoStart: true,
  activate: (_app: JupyterFrontEnd, registry: IJupyterWidgetRegistry): void => {
    registry.registerWidget({
      name: MAP_WIDGET_MODULE.name,
      version: MAP_WIDGET_MODULE.version,
      exports: { MapModel, MapWidgetView },
    });
  },
};

export default plugin;
