"""What the search page shows besides the matches: results, pages, editors' picks, help."""
