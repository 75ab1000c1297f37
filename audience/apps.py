from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AudienceConfig(AppConfig):
    """Download figures: recorded at /audio/, counted by IAB v2.2 rules, reported in the admin."""

    name = "audience"
    verbose_name = _("Audience")
    default_auto_field = "django.db.models.BigAutoField"
