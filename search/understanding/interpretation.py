"""A visitor's query understood: its words, the synonyms editors gave, the typos corrected."""

import re
from dataclasses import dataclass, field

from search.models import SynonymGroup
from search.query import query_terms
from search.understanding.corrections import correct
from search.understanding.stemming import stem
from search.understanding.synonyms import concepts
from search.understanding.vocabulary import all_words, words_by_stem


@dataclass
class Interpretation:
    """What the search looks for, and what the page tells the visitor about it."""

    text: str  # as typed (cleaned)
    concepts: list = field(default_factory=list)  # synonyms.Concept, all to be found
    forms: dict = field(default_factory=dict)  # stem → indexed words with that stem
    corrected_text: str = ""  # the query searched instead of the typed one, if corrected
    suggestion: str = ""  # « Vouliez-vous dire … ? », when a correction is not sure

    @property
    def words(self):
        """Every word looked for, in each concept's every alternative."""
        return [word for concept in self.concepts for word in concept.words]

    def forms_of(self, word):
        """The indexed words sharing the word's French stem (folded), most said first."""
        return [indexed.folded for indexed in self.forms.get(stem(word), ())]

    def offer_instead(self):
        """The correction, when it finds no episode either, becomes a mere suggestion."""
        self.suggestion, self.corrected_text = self.corrected_text, ""

    def highlighted(self):
        """The words to mark in transcript passages: the query's and those sharing their stems."""
        return [*self.words, *(form for word in self.words for form in self.forms_of(word))]


def replaced(text, corrections):
    """The text with each corrected word replaced by the spelling of the word meant."""
    for correction in corrections:
        pattern = re.compile(r"(?<![^\W_])" + re.escape(correction.typed) + r"(?![^\W_])", re.I)
        text = pattern.sub(correction.word.spelling, text)
    return text


def interpret(text, *, catalogue=None, exact=False):
    """The Interpretation of a query; `exact` turns the corrections off. `catalogue` is the
    current search catalogue: the vocabulary held in memory is read again when it changes."""
    terms = query_terms(text)
    if not terms:
        return Interpretation(text)
    groups = tuple(SynonymGroup.objects.values_list("terms", flat=True))
    found = concepts(terms, groups)
    forms = words_by_stem(stem(word) for concept in found for word in concept.words)
    interpretation = Interpretation(text, found, forms)
    unknown = [
        concept.alternatives[0][0]
        for concept in found
        if not concept.synonyms
        and not any(stem(alternative[0]) in forms for alternative in concept.alternatives)
    ]
    if exact or not unknown:
        return interpretation
    vocabulary = all_words(catalogue)
    proposals = [proposal for proposal in (correct(w, vocabulary) for w in unknown) if proposal]
    sure = [proposal for proposal in proposals if proposal.sure]
    if sure:
        corrected = replaced(text, sure)
        terms = query_terms(corrected)
        interpretation.concepts = concepts(terms, groups)
        interpretation.corrected_text = corrected
        new_stems = {stem(word) for word in interpretation.words} - set(forms)
        interpretation.forms = {**forms, **words_by_stem(new_stems)}
    if len(sure) < len(proposals):
        interpretation.suggestion = replaced(text, proposals)
    return interpretation
