"""Serves the tsgis JupyterLab front end (dist/app) with Debian's jupyter_server.

jupyterlab_server's LabServerApp provides the page, settings, themes, workspaces and the
prebuilt extensions found in the Jupyter data directories' labextensions folders; the
front end itself comes from dist/app, built by `npm run build:lab`.
Run with the system Python: /usr/bin/python3 serve.py [--ServerApp.port=8888 ...]

Each kind of run passes its own --TsgisLab.workspaces_dir: a saved layout belongs to the
run that made it (`npm start` must not reopen a notebook a benchmark left open).
"""
import os

from jupyterlab_server import LabServerApp
from traitlets import default

from server_apis import HANDLERS as SERVER_API_HANDLERS

HERE = os.path.dirname(os.path.abspath(__file__))
DIST = os.path.join(os.path.dirname(HERE), "dist", "app")
KERNEL_NAME = "tsgis"


class TsgisLab(LabServerApp):
    name = "lab"
    app_name = "JupyterLab (tsgis)"
    description = "JupyterLab built from npm packages, for tsgis maps"
    extension_url = "/lab"
    default_url = "/lab"
    load_other_extensions = False
    app_dir = DIST
    # page_config.json (plugins left out) and overrides.json (setting defaults) live in the
    # source tree: they are configuration, not build output.
    app_settings_dir = os.path.join(HERE, "settings")
    schemas_dir = os.path.join(DIST, "schemas")
    static_dir = os.path.join(DIST, "static")
    templates_dir = os.path.join(HERE, "templates")
    themes_dir = os.path.join(DIST, "themes")

    # Assigning a plain value to these would replace the trait, and the command line could
    # no longer set them; a trait default keeps them configurable.
    @default("user_settings_dir")
    def _default_user_settings_dir(self):
        return os.path.join(DIST, "user-settings")

    @default("workspaces_dir")
    def _default_workspaces_dir(self):
        return os.path.join(DIST, "workspaces")

    def initialize_handlers(self):
        super().initialize_handlers()
        self.handlers.extend(SERVER_API_HANDLERS)

    def _jupyter_server_config(self):
        config = super()._jupyter_server_config()
        # tsgis is the kernel this front end exists for: a new notebook starts on it unasked.
        config["MappingKernelManager"] = {"default_kernel_name": KERNEL_NAME}
        # Debian's system Python has no ipykernel: do not look for (and warn about) it.
        config["KernelSpecManager"] = {"ensure_native_kernel": False}
        return config


def _jupyter_server_extension_points():
    # jupyter_server finds the app through the module it was defined in: this script.
    return [{"module": __name__, "app": TsgisLab}]


main = launch_new_instance = TsgisLab.launch_instance

if __name__ == "__main__":
    main()
