"""Editors' e-mail addresses stay with us: the admin asks no third party (Gravatar) for avatars,
and draws its own."""


def test_the_admin_shows_its_own_avatar_and_asks_gravatar_nothing(editor_client):
    page = editor_client.get("/admin/").content.decode()
    assert "gravatar" not in page.lower()
    assert "wagtailadmin/images/default-user-avatar" in page
