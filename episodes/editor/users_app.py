"""Wagtail's users app with our user screens (episodes.editor.users), as Wagtail documents it: an
app config naming the user viewset. Importable before the models are loaded."""

from wagtail.users.apps import WagtailUsersAppConfig


class RadioUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "episodes.editor.users.RadioUserViewSet"
