// The module name and version the kernel's widget state names (_model_module/_model_module_version).
export const MODULE_NAME = "@tsgis/widget";
export const MODULE_VERSION = "0.1.0";
