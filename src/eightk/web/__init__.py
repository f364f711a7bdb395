"""The web app: ``eightk serve`` -- a JSON API (OpenAPI at /openapi.json) and pages."""

from .app import CSP, create_app

__all__ = ["CSP", "create_app"]
