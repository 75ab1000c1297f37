"""What a visitor means: French stems, the index's vocabulary, corrections and synonyms."""
