"""Routers: `api` (JSON under /api) and `pages` (HTML)."""
