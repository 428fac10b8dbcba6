// The browser side of the tsgis map widget: the model and view classes JupyterLab registers.
export { MapModel } from "./model";
export { MapWidgetView } from "./view";
export { MAP_WIDGET_MODULE } from "tsgis/dist/map/contract";
