"""Wagtail discovers this module: the admin's hooks and its « Radio » menu live in episodes/editor/
(hooks.py, viewsets.py), each registering itself with Wagtail when imported here."""

from episodes.editor import hooks, viewsets  # noqa: F401
