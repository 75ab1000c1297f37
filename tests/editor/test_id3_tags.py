"""On the editor's request, publishing an episode writes its title, show, artwork and chapters
into its MP3's ID3 tags (read back with mutagen); the file's facts are read again, so the feed's
enclosure length is the stored file's size."""

import hashlib

import pytest
from lxml import etree
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from episodes.models import AudioFile
from tests.editor.helpers import edit_form, page_text, post_edit, set_formset
from tests.factories import make_audio, make_episode, make_image


def chapter(start, title):
    return {"start_time": start, "title": title, "url": "", "image": ""}


def publish_with_tags(client, episode, rows, *, tick=True):
    data = set_formset(edit_form(client, episode), "chapters", rows)
    if tick:
        data["write_id3_tags"] = "1"
    return post_edit(client, episode, data, publish=True)


def stored_bytes(audio):
    with audio.file.open("rb") as stored:
        return stored.read()


def test_publishing_with_the_box_ticked_writes_title_show_cover_and_chapters(admin_client, show):
    episode = make_episode(
        show=show, live=False, audio=make_audio(seconds=40.0), artwork=make_image(title="Pochette")
    )
    rows = [chapter("0:00", "Accueil"), chapter("0:25", "Le projet")]
    response = publish_with_tags(admin_client, episode, rows)
    assert response.status_code == 302
    assert "balises ID3 du MP3" in page_text(admin_client.get(response.url))
    audio = AudioFile.objects.get(pk=episode.audio_id)
    tags = ID3(audio.file.path)
    assert str(tags["TIT2"]) == episode.title and str(tags["TALB"]) == show.title
    assert tags.getall("APIC")[0].data[:3] == b"\xff\xd8\xff"  # a JPEG cover
    chapters = sorted(tags.getall("CHAP"), key=lambda frame: frame.start_time)
    assert [(c.start_time, c.end_time, str(c.sub_frames["TIT2"])) for c in chapters] == [
        (0, 25000, "Accueil"),
        (25000, round(audio.duration * 1000), "Le projet"),
    ]
    assert tags.getall("CTOC")[0].child_element_ids == [c.element_id for c in chapters]
    assert MP3(audio.file.path).info.length == pytest.approx(audio.duration, abs=0.05)


def test_the_feed_gives_the_tagged_files_true_length_and_the_checksum_is_read_again(
    admin_client, client, show
):
    episode = make_episode(show=show, live=False, audio=make_audio(seconds=10.0))
    before = AudioFile.objects.get(pk=episode.audio_id).size
    publish_with_tags(admin_client, episode, [chapter("0:02", "Début")])
    audio = AudioFile.objects.get(pk=episode.audio_id)
    data = stored_bytes(audio)
    assert audio.size == len(data) > before
    assert audio.sha256 == hashlib.sha256(data).hexdigest()
    feed = etree.fromstring(client.get(f"/podcasts/{show.slug}/feed.xml").content)
    assert feed.find("channel/item/enclosure").get("length") == str(len(data))


def test_without_the_box_ticked_the_mp3_is_left_as_uploaded(admin_client, show):
    episode = make_episode(show=show, live=False, audio=make_audio(seconds=10.0))
    before = stored_bytes(AudioFile.objects.get(pk=episode.audio_id))
    publish_with_tags(admin_client, episode, [chapter("0:02", "Début")], tick=False)
    assert stored_bytes(AudioFile.objects.get(pk=episode.audio_id)) == before
