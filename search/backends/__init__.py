"""Reading the search index: Wagtail's database backend on SQLite and on PostgreSQL with queries
of our own (search/matching.py says why), any other backend through Wagtail's .search()."""
