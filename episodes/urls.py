"""Public URLs of the podcast domain outside the page tree: feeds, audio, themes, associations.

These addresses are given to podcast apps and directories: never change them.
"""

from django.urls import path

from episodes import views
from episodes.delivery import audio, documents, embeds
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
    path("episodes/<uuid:guid>/embed/", embeds.episode_embed, name="episode_embed"),
    path("oembed/", embeds.oembed, name="oembed"),
    path("themes/", views.theme_list, name="theme_list"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme_detail"),
    path("associations/", views.association_list, name="association_list"),
    path("associations/<slug:slug>/", views.association_detail, name="association_detail"),
    path("plan-du-site/", views.site_map, name="site_map"),
]
