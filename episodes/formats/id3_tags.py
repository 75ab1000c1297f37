"""Writing an episode's title, show, artwork and chapters (ID3v2 CHAP and CTOC frames) into its
MP3, as podcast apps read them when they play the file itself. Pure mutagen on a local file,
no ORM; the caller reads the file's facts again afterwards (its size and checksum change)."""

from dataclasses import dataclass

from mutagen.id3 import APIC, CHAP, CTOC, ID3, TALB, TIT2, TPE1, CTOCFlags, ID3NoHeaderError


@dataclass(frozen=True)
class EpisodeTags:
    """What goes into the MP3's tag; chapters as (start s, end s, title) triples."""

    title: str
    show: str
    artwork: bytes = b""  # a JPEG
    chapters: tuple = ()


def write_episode_tags(path, tags: EpisodeTags):
    """Replace the MP3's title, show, cover and chapters in its ID3v2.3 tag (other frames stay)."""
    try:
        id3 = ID3(path)
    except ID3NoHeaderError:
        id3 = ID3()
    for frame in ("TIT2", "TALB", "TPE1", "APIC", "CHAP", "CTOC"):
        id3.delall(frame)
    id3.add(TIT2(encoding=3, text=tags.title))
    id3.add(TALB(encoding=3, text=tags.show))
    id3.add(TPE1(encoding=3, text=tags.show))
    if tags.artwork:
        id3.add(APIC(encoding=3, mime="image/jpeg", type=3, desc="", data=tags.artwork))
    ids = [f"chp{index}" for index in range(len(tags.chapters))]
    if ids:
        flags = CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED
        id3.add(CTOC(element_id="toc", flags=flags, child_element_ids=ids, sub_frames=[]))
    for element_id, (start, end, title) in zip(ids, tags.chapters, strict=True):
        id3.add(
            CHAP(
                element_id=element_id,
                start_time=round(start * 1000),
                end_time=round(end * 1000),
                sub_frames=[TIT2(encoding=3, text=title)],
            )
        )
    id3.save(path, v2_version=3)
