"""Template context shared by every public page."""

from django.utils.functional import SimpleLazyObject

from episodes.models import KnowledgeIndexPage, KnowledgePage, PodcastPage, StandardPage


def site(request):
    """The shows' feeds, the knowledge pages and the plain pages (such as the accessibility
    statement) for the menu and the footer; each looked up only if a template uses it."""

    def show_feeds():
        return [(show.title, show.feed_url) for show in PodcastPage.objects.listed()]

    def knowledge_index():
        index = KnowledgeIndexPage.objects.live().public().first()
        return {"title": index.title, "url": index.get_url(request)} if index else {}

    def links(queryset):
        pages = queryset.live().public().order_by("path").only("title", "url_path")
        return [{"title": page.title, "url": page.get_url(request)} for page in pages]

    return {
        "site_feeds": SimpleLazyObject(show_feeds),
        "site_knowledge_index": SimpleLazyObject(knowledge_index),
        "site_knowledge_pages": SimpleLazyObject(lambda: links(KnowledgePage.objects)),
        "site_standard_pages": SimpleLazyObject(lambda: links(StandardPage.objects)),
    }
