"""Telling the outside world that content changed: the front cache (Varnish, Cloudflare,
CloudFront) purges what an episode appears in, and the WebSub hubs learn of the feeds that moved.
targets.py computes the addresses, tasks.py sends them, signal_handlers.py hears Wagtail's events.
"""
