"""Public URLs of the podcast domain outside the page tree: the addresses apps poll (feeds,
audio, transcripts, chapters: podcast_urls.py), embeds, themes, associations.

These addresses are given to podcast apps, directories and other sites: never change them.
"""

from django.urls import include, path

from episodes import views
from episodes.delivery import embeds

urlpatterns = [
    path("", include("episodes.podcast_urls")),
    path("episodes/<uuid:guid>/embed/", embeds.episode_embed, name="episode_embed"),
    path("oembed/", embeds.oembed, name="oembed"),
    path("themes/", views.theme_list, name="theme_list"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme_detail"),
    path("associations/", views.association_list, name="association_list"),
    path("associations/<slug:slug>/", views.association_detail, name="association_detail"),
    path("plan-du-site/", views.site_map, name="site_map"),
]
