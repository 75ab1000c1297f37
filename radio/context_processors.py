"""Template context shared by every public page."""

from django.contrib.contenttypes.models import ContentType
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from episodes.models import KnowledgeIndexPage, KnowledgePage, PodcastPage, StandardPage

MENU_PAGE_TYPES = (KnowledgeIndexPage, KnowledgePage, StandardPage)


def site(request):
    """The shows' feeds, and for the menu and the footer the knowledge pages and the plain
    pages (such as the accessibility statement): each looked up only if a template uses it,
    the menu pages in one query."""

    def show_feeds():
        return [(show.title, show.feed_url) for show in PodcastPage.objects.listed()]

    def menu_pages():
        pages = Page.objects.live().public().type(*MENU_PAGE_TYPES).order_by("path")
        links = {model: [] for model in MENU_PAGE_TYPES}
        for page in pages.only("title", "url_path", "content_type"):
            model = ContentType.objects.get_for_id(page.content_type_id).model_class()  # cached
            links[model].append({"title": page.title, "url": page.get_url(request)})
        return links

    menu = SimpleLazyObject(menu_pages)
    return {
        "site_feeds": SimpleLazyObject(show_feeds),
        "site_knowledge_index": SimpleLazyObject(lambda: next(iter(menu[KnowledgeIndexPage]), {})),
        "site_knowledge_pages": SimpleLazyObject(lambda: menu[KnowledgePage]),
        "site_standard_pages": SimpleLazyObject(lambda: menu[StandardPage]),
    }
