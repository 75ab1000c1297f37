"""Import of an existing podcast from its RSS feed: fetch (files from the web or disk), parse
(the feed as plain data), show and episode (written into the site), run (the whole import),
jobs (imports started from the admin) and admin (its page)."""
