"""Wagtail discovers this module: the admin's hooks and its « Radio » menu live in episodes/editor/
(hooks, viewsets, moderation, scheduling, id3_tags), each registering itself when imported."""

from episodes.editor import hooks, id3_tags, moderation, scheduling, viewsets  # noqa: F401
