"""Serves the tsgis JupyterLab front end (dist/app) with Debian's jupyter_server.

jupyterlab_server's LabServerApp provides the page, settings, themes, workspaces and the
prebuilt extensions found in the Jupyter data directories' labextensions folders; the
front end itself comes from dist/app, built by `npm run build:lab`.
Run with the system Python: /usr/bin/python3 serve.py [--ServerApp.port=8888 ...]
"""
import os

from jupyterlab_server import LabServerApp

HERE = os.path.dirname(os.path.abspath(__file__))
DIST = os.path.join(os.path.dirname(HERE), "dist", "app")


class TsgisLab(LabServerApp):
    name = "lab"
    app_name = "JupyterLab (tsgis)"
    description = "JupyterLab built from npm packages, for tsgis maps"
    extension_url = "/lab"
    default_url = "/lab"
    load_other_extensions = False
    app_dir = DIST
    app_settings_dir = os.path.join(DIST, "settings")
    schemas_dir = os.path.join(DIST, "schemas")
    static_dir = os.path.join(DIST, "static")
    templates_dir = os.path.join(HERE, "templates")
    themes_dir = os.path.join(DIST, "themes")
    user_settings_dir = os.path.join(DIST, "user-settings")
    workspaces_dir = os.path.join(DIST, "workspaces")


def _jupyter_server_extension_points():
    # jupyter_server finds the app through the module it was defined in: this script.
    return [{"module": __name__, "app": TsgisLab}]


main = launch_new_instance = TsgisLab.launch_instance

if __name__ == "__main__":
    main()
