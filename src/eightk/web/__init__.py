"""The web app: ``eightk serve`` -- a JSON API (OpenAPI at /openapi.json) and pages."""

import os

from starlette.applications import Starlette

from .app import CSP, create_app

__all__ = ["CSP", "app_from_env", "create_app"]


def app_from_env() -> Starlette:
    """The app over ``$EIGHTK_DB`` (for ``uvicorn --factory`` and several server processes)."""
    return create_app(os.environ.get("EIGHTK_DB", "eightk.db"))
