"""The addresses podcast apps poll: feeds, OPML, audio, transcripts and chapters.

Given to apps and directories: never change them. radio/public_endpoints.py serves them without
the site's session, language, CSRF, user and message middleware, which they never use.
"""

from django.urls import path

from episodes.delivery import audio, documents
from episodes.feeds import views as feed_views

urlpatterns = [
    path("podcasts/opml.xml", feed_views.opml, name="feeds_opml"),
    path("podcasts/<slug:slug>/feed.xml", feed_views.show_feed, name="show_feed"),
    path("themes/<slug:slug>/feed.xml", feed_views.theme_feed, name="theme_feed"),
    path("associations/<slug:slug>/feed.xml", feed_views.association_feed, name="association_feed"),
    path("audio/<uuid:guid>.<str:ext>", audio.episode_audio, name="episode_audio"),
    path(
        "episodes/<uuid:guid>/transcript.<str:ext>",
        documents.episode_transcript,
        name="episode_transcript",
    ),
    path("episodes/<uuid:guid>/chapters.json", documents.episode_chapters, name="episode_chapters"),
]
