"""A long episode title is typed in a text area that grows with it, and saved as one line."""

from tests.editor.helpers import edit_form, edit_url, latest, post_edit


def test_the_title_field_grows_with_a_long_title(admin_client, episode):
    html = admin_client.get(edit_url(episode)).content.decode()
    assert '<textarea name="title"' in html
    assert "w-autosize" in html.split('<textarea name="title"', 1)[1].split(">", 1)[0]


def test_a_title_typed_over_several_lines_is_saved_as_one_line(admin_client, episode):
    data = edit_form(admin_client, episode) | {
        "title": ["Habitat partagé :\r\n  trois  associations"]
    }
    assert post_edit(admin_client, episode, data).status_code == 302
    assert latest(episode).title == "Habitat partagé : trois associations"
