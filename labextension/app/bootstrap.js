/* global document, window, console, __webpack_init_sharing__, __webpack_share_scopes__ */
// The front end's entry: loads the prebuilt extensions the server lists (tsgis's map widget
// among them) into webpack's shared scope, then starts JupyterLab with the built-in plugins.
import { PageConfig } from "@jupyterlab/coreutils";
import { pluginModules, styleModules } from "./plugins.js";

function loadScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.appendChild(script);
  });
}

async function loadFederatedExtension(extension) {
  const base = PageConfig.getOption("fullLabextensionsUrl");
  await loadScript(`${base}/${extension.name}/${extension.load}`);
  await __webpack_init_sharing__("default");
  const container = window._JUPYTERLAB[extension.name];
  await container.init(__webpack_share_scopes__.default);
  const modules = [];
  for (const exposed of [extension.extension, extension.style].filter(Boolean)) {
    const factory = await container.get(exposed);
    modules.push(factory());
  }
  return modules;
}

/**
 * The plugins whose required services some plugin here provides. This front end leaves out
 * parts of JupyterLab (table of contents, language servers, status bar …); plugins that need
 * them would only fail to activate and fill the console with errors.
 */
function activatable(plugins) {
  let kept = plugins;
  for (;;) {
    const provided = new Set(
      kept.filter((plugin) => plugin.provides).map((plugin) => plugin.provides.name),
    );
    const next = kept.filter((plugin) =>
      (plugin.requires || []).every((token) => provided.has(token.name)),
    );
    if (next.length === kept.length) return kept;
    kept = next;
  }
}

async function main() {
  const listed = JSON.parse(PageConfig.getOption("federated_extensions") || "[]");
  const builtIn = new Set(["@jupyter-widgets/jupyterlab-manager"]);
  const federated = await Promise.allSettled(
    listed.filter((extension) => !builtIn.has(extension.name)).map(loadFederatedExtension),
  );
  const mods = [];
  federated.forEach((result, index) => {
    if (result.status === "fulfilled") {
      mods.push(...result.value.filter((mod) => mod && mod.default));
    } else {
      console.error(`extension ${listed[index].name} failed to load`, result.reason);
    }
  });
  await Promise.all(styleModules);
  const core = await Promise.all(pluginModules);
  const { JupyterLab } = await import("@jupyterlab/application");
  const { PluginRegistry } = await import("@lumino/coreutils");
  const { IServiceManager } = await import("@jupyterlab/services");
  const pluginRegistry = new PluginRegistry();
  const plugins = [...core, ...mods].flatMap((mod) =>
    Array.isArray(mod.default) ? mod.default : [mod.default],
  );
  // page_config.json's disabledExtensions, as JupyterLab honours them (a plugin id or a package).
  const enabled = plugins.filter((plugin) => !PageConfig.Extension.isDisabled(plugin.id));
  pluginRegistry.registerPlugins(activatable(enabled));
  const serviceManager = await pluginRegistry.resolveRequiredService(IServiceManager);
  const lab = new JupyterLab({ pluginRegistry, serviceManager });
  await lab.start();
  await lab.restored;
  window.jupyterapp = lab;
  document.body.dataset.tsgisLab = "ready";
}

main().catch((error) => {
  console.error("JupyterLab (tsgis) failed to start", error);
  document.body.dataset.tsgisLab = "failed";
});
