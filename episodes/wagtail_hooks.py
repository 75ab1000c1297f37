"""Wagtail discovers this module: the admin's hooks and its « Radio » menu live in episodes/editor/
(hooks, viewsets, moderation, scheduling, id3_tags, chosen_audio), each registering itself when
imported."""

from episodes.editor import (  # noqa: F401
    chosen_audio,
    hooks,
    id3_tags,
    moderation,
    scheduling,
    viewsets,
)
