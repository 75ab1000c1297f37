"""Import of an existing podcast from its RSS feed: fetch (files from the web or disk), parse
(the feed as plain data), media (linked files made into audio, artwork, chapters, transcripts),
apply, show and episode (written into the site), run (the whole import), background (imports
started from the admin, run apart from the request) and admin (its page)."""
