"""`policyqa serve`: a JSON API and a web page over one index, reloaded when a new generation is published."""

from .app import create_app

__all__ = ["create_app"]
