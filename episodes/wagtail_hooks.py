"""Wagtail discovers this module: the admin's hooks and its « Radio » menu live in episodes/editor/
(hooks, viewsets, moderation, scheduling), each registering itself with Wagtail when imported."""

from episodes.editor import hooks, moderation, scheduling, viewsets  # noqa: F401
