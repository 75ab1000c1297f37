"""The admin menu entries of the podcast domain each show an icon Wagtail can draw."""

from wagtail.admin.icons import get_icons

from episodes.editor.hooks import register_import_menu_item
from episodes.editor.viewsets import RadioViewSetGroup


def test_radio_menu_entries_use_icons_of_wagtails_sprite():
    sprite = get_icons()
    names = [
        RadioViewSetGroup.menu_icon,
        *(viewset.icon for viewset in RadioViewSetGroup.items),
        register_import_menu_item().icon_name,
    ]
    missing = [name for name in names if f'id="icon-{name}"' not in sprite]
    assert not missing
