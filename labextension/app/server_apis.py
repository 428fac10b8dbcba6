"""REST and WebSocket endpoints that JupyterLab 4's front end calls and jupyter_server 1.23
lacks. Unanswered, each shows as an error on every page load: the browser logs the failed
requests, and the server logs "Could not open static file ''" for /api/me (the request falls
through to its static file handler).
"""
import getpass
import json

from jupyter_server.base.handlers import APIHandler, JupyterHandler
from tornado import web
from tornado.websocket import WebSocketHandler


class IdentityHandler(APIHandler):
    """GET /api/me: who the user is and, for the permissions asked about, what they may do.

    jupyter_server 1.23 knows one user, who may do everything (token authentication)."""

    @web.authenticated
    def get(self):
        username = getpass.getuser()
        asked = json.loads(self.get_argument("permissions", "{}") or "{}")
        permissions = {resource: list(actions) for resource, actions in asked.items()}
        identity = {
            "username": username,
            "name": username,
            "display_name": username,
            "initials": username[:1].upper() or None,
            "avatar_url": None,
            "color": None,
        }
        self.finish(json.dumps({"identity": identity, "permissions": permissions}))


class EventsSubscribeHandler(WebSocketHandler, JupyterHandler):
    """WebSocket /api/events/subscribe: the event stream. jupyter_server 1.23 emits no events,
    so a subscriber is accepted and never sent anything."""

    async def get(self, *args, **kwargs):
        if not self.current_user:
            raise web.HTTPError(403)
        return await super().get(*args, **kwargs)

    def on_message(self, message):
        pass  # subscribers do not send anything either


HANDLERS = [
    (r"/api/me", IdentityHandler),
    (r"/api/events/subscribe", EventsSubscribeHandler),
]
