"""How episodes are looked up for listeners and visitors: published, newest first, by GUID."""

from django.db import models
from django.utils import timezone
from wagtail.query import PageQuerySet


class EpisodePageQuerySet(PageQuerySet):
    """Episodes as listeners and visitors see them."""

    def published(self):
        """Live, public episodes whose publication time has come."""
        return self.live().public().filter(publication_date__lte=timezone.now())

    def awaiting_publication(self):
        """Episodes whose publication time has not come (or is not set): never published(),
        even when live."""
        return self.exclude(publication_date__lte=timezone.now())

    def newest_first(self):
        return self.order_by("-publication_date", "-pk")

    def by_guid(self, guid):
        """The episode with this GUID (our own, the one in our audio and document addresses)."""
        return self.filter(guid=str(guid))

    def with_card_details(self):
        """With what an episode card shows fetched alongside: audio, event, themes, artwork."""
        related = self.select_related("audio", "event", "artwork")
        return related.prefetch_related("themes", "artwork__renditions")

    def for_listing(self):
        """Published episodes, newest first, ready for a list of cards."""
        return self.published().newest_first().with_card_details()

    def related_to(self, episode, themes, associations):
        """Other episodes, those sharing a theme or an association with this one first."""
        shared = models.Q(themes__in=themes) | models.Q(associations__in=associations)
        sharing = self.model.objects.filter(shared).values("pk")
        first = models.Case(
            models.When(pk__in=sharing, then=1), default=0, output_field=models.IntegerField()
        )
        others = self.exclude(pk=episode.pk).annotate(shares=first)
        return others.order_by("-shares", "-publication_date", "-pk")
