"""Wagtail discovers this module: the admin's hooks and its « Radio » menu live in episodes/editor/
(hooks.py, viewsets.py), each registering itself with Wagtail when imported here."""

from episodes.editor import hooks, id3_tags, viewsets  # noqa: F401
