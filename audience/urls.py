"""The public page saying how the audience is measured."""

from django.urls import path
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from audience.aggregation import GRACE

urlpatterns = [
    path(
        "comment-nous-mesurons-l-audience/",
        require_safe(
            TemplateView.as_view(
                template_name="audience/how_we_measure.html",
                extra_context={"grace_minutes": int(GRACE.total_seconds() // 60)},
            )
        ),
        name="audience_how_we_measure",
    ),
]
