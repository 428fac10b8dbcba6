// The JupyterLab plugins built into the front end: enough to browse files and run notebooks
// (markedparser renders markdown cells: without it they show as source text), plus the Jupyter
// widgets manager, so maps render without any other prebuilt extension.
export const pluginModules = [
  import("@jupyterlab/application-extension"),
  import("@jupyterlab/apputils-extension"),
  import("@jupyterlab/codemirror-extension"),
  import("@jupyterlab/completer-extension"),
  import("@jupyterlab/docmanager-extension"),
  import("@jupyterlab/filebrowser-extension"),
  import("@jupyterlab/mainmenu-extension"),
  import("@jupyterlab/markedparser-extension"),
  import("@jupyterlab/notebook-extension"),
  import("@jupyterlab/rendermime-extension"),
  import("@jupyterlab/services-extension"),
  import("@jupyterlab/shortcuts-extension"),
  import("@jupyterlab/theme-light-extension"),
  import("@jupyterlab/translation-extension"),
  import("@jupyter-widgets/jupyterlab-manager"),
];

export const styleModules = [
  import("@jupyterlab/application-extension/style/index.js"),
  import("@jupyterlab/apputils-extension/style/index.js"),
  import("@jupyterlab/codemirror-extension/style/index.js"),
  import("@jupyterlab/completer-extension/style/index.js"),
  import("@jupyterlab/docmanager-extension/style/index.js"),
  import("@jupyterlab/filebrowser-extension/style/index.js"),
  import("@jupyterlab/mainmenu-extension/style/index.js"),
  import("@jupyterlab/markedparser-extension/style/index.js"),
  import("@jupyterlab/notebook-extension/style/index.js"),
  import("@jupyterlab/rendermime-extension/style/index.js"),
  import("@jupyterlab/translation-extension/style/index.js"),
  import("@jupyter-widgets/jupyterlab-manager/lib/index.js").then(() => undefined),
];
