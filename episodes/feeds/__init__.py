"""Podcast feeds: RSS for every show, theme and association, and the OPML list of them.

versions.py tells what a feed covers and how fresh it is; queries.py and items.py read it as plain
data (data.py); builder.py, extension.py and item_writer.py write the XML; views.py serves it;
preview.py shows editors the item of the episode they are editing.
"""
