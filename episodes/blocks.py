"""StreamField blocks of knowledge pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class QuoteBlock(blocks.StructBlock):
    """A quotation with who said it."""

    text = blocks.TextBlock(label=_("citation"))
    attribution = blocks.CharBlock(label=_("auteur ou autrice"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "episodes/blocks/quote_block.html"


class KeyFigureBlock(blocks.StructBlock):
    """A key figure: a value and what it counts."""

    value = blocks.CharBlock(label=_("valeur"), help_text=_("Par exemple : 80 000"))
    label = blocks.CharBlock(
        label=_("libellé"), help_text=_("Par exemple : structures accompagnées")
    )


class KeyFiguresBlock(blocks.ListBlock):
    """A row of key figures."""

    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "list-ol"
        label = _("Chiffres clés")
        template = "episodes/blocks/key_figures_block.html"


class EpisodeBlock(blocks.PageChooserBlock):
    """An episode embedded in a page, with its player."""

    def __init__(self, **kwargs):
        super().__init__(page_type="episodes.EpisodePage", **kwargs)

    class Meta:
        icon = "media"
        label = _("Épisode")
        template = "episodes/blocks/episode_block.html"


class KnowledgeStreamBlock(blocks.StreamBlock):
    """The body of a knowledge page."""

    heading = blocks.CharBlock(
        label=_("Intertitre"), icon="title", template="episodes/blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"), features=["bold", "italic", "link", "ol", "ul"]
    )
    image = ImageBlock(label=_("Image"), template="episodes/blocks/image_block.html")
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    episode = EpisodeBlock()
