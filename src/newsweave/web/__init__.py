"""The web app: REST API and UI over the store (optional extra ``web``)."""

from __future__ import annotations

from newsweave.web.app import create_app
from newsweave.web.service import Limits

__all__ = ["Limits", "create_app"]
