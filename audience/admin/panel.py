"""The admin home's panel: downloads of the last 7 days against the 7 days before."""

import datetime

from django.utils import timezone
from wagtail.admin.ui.components import Component

from audience.access import audience_scope
from audience.figures import Period, downloads_per_day

WEEK = datetime.timedelta(days=7)


class AudiencePanel(Component):
    name = "audience"
    order = 90
    template_name = "audience/admin/home_panel.html"

    def __init__(self, user):
        self.scope = audience_scope(user)

    @staticmethod
    def is_shown_to(user):
        return audience_scope(user) is not False

    def get_context_data(self, parent_context):
        today = timezone.now().astimezone(datetime.UTC).date()
        recent = Period(today - WEEK + datetime.timedelta(days=1), today)
        before = Period(recent.since - WEEK, recent.since - datetime.timedelta(days=1))
        this_week = sum(n for _day, n in downloads_per_day(recent, self.scope))
        last_week = sum(n for _day, n in downloads_per_day(before, self.scope))
        change = round((this_week - last_week) / last_week * 100) if last_week else None
        return {"this_week": this_week, "last_week": last_week, "change": change}
