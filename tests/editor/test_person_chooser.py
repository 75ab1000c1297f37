"""A new guest is created from the episode's speakers chooser, by editors, without leaving the
episode; their consent is then recorded on the speaker's row, as for anyone else."""

from episodes.models import Person

CHOOSER = "/admin/snippets/choose/episodes/person/"


def test_the_person_chooser_offers_to_create_a_new_person(editor_client):
    html = editor_client.get(CHOOSER).json()["html"]
    assert "Nouvelle personne" in html
    assert "cochez « consentement recueilli »" in html


def test_an_editor_creates_a_guest_from_the_chooser(editor_client, association):
    form = {"name": "Awa Diallo", "title": "coordinatrice", "association": association.pk}
    response = editor_client.post(f"{CHOOSER}create/", form)
    assert response.json()["step"] == "chosen"
    guest = Person.objects.get(name="Awa Diallo")
    assert (guest.title, guest.association) == ("coordinatrice", association)
    assert response.json()["result"]["id"] == str(guest.pk)


def test_a_guest_without_a_name_is_refused_in_french(editor_client):
    response = editor_client.post(f"{CHOOSER}create/", {"name": "", "title": "bénévole"})
    assert "Champ requis" in response.json()["htmlFragment"]
    assert not Person.objects.exists()


def test_someone_who_may_not_add_people_cannot_create_one(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("visiteur", is_staff=False))
    response = client.post(f"{CHOOSER}create/", {"name": "Intrus"})
    assert response.status_code in (302, 403)
    assert not Person.objects.exists()
