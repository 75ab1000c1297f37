"""Files the radio reads and writes: audio facts (audio, mpeg_frames), chapters, timecodes and
transcripts. Pure functions over bytes and text, no ORM."""
