"""Sourcebook: raw news sources in, a cross-linked MkDocs Material site out."""

__version__ = "0.1.0"
