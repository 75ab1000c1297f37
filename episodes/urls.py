"""Public pages of themes and associations (snippets, not pages)."""

from django.urls import path

from episodes import views

urlpatterns = [
    path("themes/", views.theme_list, name="theme_list"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme_detail"),
    path("associations/", views.association_list, name="association_list"),
    path("associations/<slug:slug>/", views.association_detail, name="association_detail"),
]
