"""A podcast hosted elsewhere, for import tests: a real RSS feed, MP3s, artwork, a transcript and
chapters served by a local HTTP server (127.0.0.1, random port), never the internet."""

import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connections
from mutagen.id3 import ID3, TIT2

from tests.audio_samples import encode_mp3
from tests.factories import WEBVTT, image_bytes

OWNER_EMAIL = "contact@ancien-hebergeur.example"


class Host(ThreadingHTTPServer):
    """A web server whose files (path: (bytes, content type)) tests change at will."""

    daemon_threads = True

    def __init__(self, address="127.0.0.1"):
        super().__init__((address, 0), FileHandler)
        self.files = {}
        self.delays = {}  # path: seconds to wait before answering
        self.holds = {}  # path: a threading.Event the answer waits for (at most a minute)
        self.trickles = {}  # path: seconds between two bytes of the body
        self.redirects = {}  # path: the address a 302 sends to
        self.requests = []

    def url(self, path, *, host=None):
        return f"http://{host or self.server_address[0]}:{self.server_address[1]}{path}"


class FileHandler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the http.server API)
        self.server.requests.append((self.path, self.headers.get("User-Agent", "")))
        time.sleep(self.server.delays.get(self.path, 0))
        if self.path in self.server.holds:
            self.server.holds[self.path].wait(timeout=60)
        if self.path in self.server.redirects:
            self.send_response(302)
            self.send_header("Location", self.server.redirects[self.path])
            self.end_headers()
            return
        found = self.server.files.get(self.path)
        if found is None:
            self.send_error(404)
            return
        body, content_type = found
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.path in self.server.trickles:
            self.trickle(body, self.server.trickles[self.path])
        else:
            self.wfile.write(body)

    def trickle(self, body, pause):
        """A slow host: one byte, then a pause, and again, until the client hangs up."""
        try:
            for index in range(len(body)):
                self.wfile.write(body[index : index + 1])
                self.wfile.flush()
                time.sleep(pause)
        except OSError:
            pass

    def log_message(self, *args):
        pass


def start_host(address="127.0.0.1"):
    """A Host serving from a thread; stop it with stop_host()."""
    server = Host(address)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stop_host(server):
    server.shutdown()
    server.server_close()


@dataclass
class Item:
    """An <item> of the hosted feed."""

    guid: str
    title: str
    audio: str  # path on the host
    pub_date: str = "Mon, 02 Sep 2024 08:00:00 +0000"
    notes: str = "<p>Avec <b>Marie</b>.</p><script>alert(1)</script>"
    season: int | None = None
    episode: int | None = None
    episode_type: str = "full"
    image: str = ""
    transcript: str = ""
    chapters: str = ""
    extra: list = field(default_factory=list)


def feed_xml(host, items, *, title="Paroles solidaires", locked="no", guid="", owner=OWNER_EMAIL):
    """An RSS 2.0 feed with Apple's and Podcasting 2.0 tags, as hosting platforms write them."""
    entries = "".join(item_xml(host, item) for item in items)
    podcast_guid = f"<podcast:guid>{guid}</podcast:guid>" if guid else ""
    owner_tag = (
        f"<itunes:owner><itunes:name>Asso</itunes:name><itunes:email>{owner}</itunes:email></itunes:owner>"
        if owner
        else ""
    )  # noqa: E501
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>{escape(title)}</title>
    <link>https://ancien-hebergeur.example/paroles</link>
    <description>Des &lt;b&gt;paroles&lt;/b&gt; de l'économie solidaire.</description>
    <language>fr-fr</language>
    <copyright>Association Paroles</copyright>
    <itunes:author>Association Paroles</itunes:author>
    {owner_tag}
    <itunes:image href="{host.url("/art/show.png")}"/>
    <itunes:category text="Society &amp; Culture">
      <itunes:category text="Documentary"/>
    </itunes:category>
    <itunes:explicit>false</itunes:explicit>
    <itunes:type>serial</itunes:type>
    <podcast:locked owner="{OWNER_EMAIL}">{locked}</podcast:locked>
    {podcast_guid}
    {entries}
  </channel>
</rss>""".encode()


def item_xml(host, item):
    optional = []
    if item.season:
        optional.append(f"<itunes:season>{item.season}</itunes:season>")
    if item.episode:
        optional.append(f"<itunes:episode>{item.episode}</itunes:episode>")
    if item.image:
        optional.append(f'<itunes:image href="{host.url(item.image)}"/>')
    if item.transcript:
        optional.append(f'<podcast:transcript url="{host.url(item.transcript)}" type="text/vtt"/>')
    if item.chapters:
        optional.append(
            f'<podcast:chapters url="{host.url(item.chapters)}" type="application/json+chapters"/>'
        )
    return f"""
    <item>
      <title>{escape(item.title)}</title>
      <guid isPermaLink="false">{escape(item.guid)}</guid>
      <pubDate>{item.pub_date}</pubDate>
      <description>Résumé de {escape(item.title)}.</description>
      <content:encoded><![CDATA[{item.notes}]]></content:encoded>
      <enclosure url="{host.url(item.audio)}" length="1000" type="audio/mpeg"/>
      <itunes:duration>2</itunes:duration>
      <itunes:episodeType>{item.episode_type}</itunes:episodeType>
      <itunes:explicit>false</itunes:explicit>
      {"".join(optional + item.extra)}
    </item>"""


CHAPTERS = {
    "version": "1.2.0",
    "chapters": [
        {"startTime": 0, "title": "Accueil"},
        {"startTime": 1.5, "title": "La suite", "url": "https://paroles.example/suite"},
    ],
}


def publish_podcast(host, items=None, **feed_options):
    """Put a two-episode podcast on the host (audio, artwork, transcript, chapters); its items."""
    host.files.update(
        {
            "/art/show.png": (image_bytes(size=(1400, 1400)), "image/png"),
            "/art/episode-1.jpg": (
                image_bytes(size=(1500, 1500), image_format="JPEG"),
                "image/jpeg",
            ),  # noqa: E501
            "/audio/episode-1.mp3": (encode_mp3(2.0), "audio/mpeg"),
            "/audio/episode-2.mp3": (encode_mp3(3.0), "audio/mpeg"),
            "/docs/episode-1.vtt": (WEBVTT.encode(), "text/vtt"),
            "/docs/episode-1.json": (json.dumps(CHAPTERS).encode(), "application/json"),
        }
    )
    if items is None:
        items = [
            Item(
                guid="https://ancien-hebergeur.example/?p=2",
                title="Épisode 2 : le réemploi",
                audio="/audio/episode-2.mp3",
                pub_date="Mon, 09 Sep 2024 08:00:00 +0000",
                season=1,
                episode=2,
            ),
            Item(
                guid="tag:ancien-hebergeur.example,2024:episode-1",
                title="Épisode 1 : l'accueil",
                audio="/audio/episode-1.mp3",
                season=1,
                episode=1,
                image="/art/episode-1.jpg",
                transcript="/docs/episode-1.vtt",
                chapters="/docs/episode-1.json",
            ),
        ]
    host.files["/feed.xml"] = (feed_xml(host, items, **feed_options), "application/rss+xml")
    return items


def database_for_other_processes(tmp_path):
    """(DATABASE_URL, rows(sql)) of this test's database for other processes (a transactional
    test's): PostgreSQL's test database itself; SQLite's in-memory one copied to a file, whose
    rows are then read from that file."""
    connection = connections["default"]
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()

        def rows(sql):
            with closing(sqlite3.connect(path)) as reader:
                return reader.execute(sql).fetchall()

        return f"sqlite:///{path}", rows
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"

    def rows(sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()

    return url, rows


def start_command(arguments, database_url, media_root):
    """manage.py with these arguments in a process of its own, on the given database, with the
    settings of a real site (radio.settings.dev: base's database options) allowing imports from
    the loopback podcast hosts."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "radio.settings.dev",
        "IMPORT_ALLOW_PRIVATE_ADDRESSES": "1",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
    }
    return subprocess.Popen(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), *arguments],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


FEEDS = Path(__file__).parent.parent / "data" / "feeds"
FEED_BASE = "http://podcast.example"


def distinct_mp3(mp3, title):
    """The MP3 with an ID3 title of its own: other bytes (stored apart), the same audio."""
    tag = ID3()
    tag.add(TIT2(encoding=3, text=title))
    buffer = io.BytesIO()
    tag.save(buffer)
    return buffer.getvalue() + mp3


def host_data_feed(host, name, path="/feed.xml"):
    """Serve tests/data/feeds/<name> at path, its addresses moved to the host, with a real MP3
    (each of its own bytes) for every enclosure and the show's artwork; the feed's address."""
    text = (FEEDS / name).read_text(encoding="utf-8").replace(FEED_BASE, host.url(""))
    mp3 = encode_mp3(1.0)
    for url in re.findall(r'<enclosure url="([^"]+)"', text):
        path_on_host = urlsplit(url).path
        host.files[path_on_host] = (distinct_mp3(mp3, path_on_host), "audio/mpeg")
    host.files["/art/show.png"] = (image_bytes(size=(1400, 1400)), "image/png")
    host.files[path] = (text.encode(), "application/rss+xml")
    return host.url(path)
