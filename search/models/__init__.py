"""What the search keeps in the database: the index's vocabulary, the editors' synonyms and the
searches that found little."""

from search.models.gaps import SearchGap
from search.models.synonyms import SynonymGroup
from search.models.vocabulary import IndexedWord

__all__ = ["IndexedWord", "SearchGap", "SynonymGroup"]
