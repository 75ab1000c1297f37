"""The search form: the query box and the facets, read leniently from the address."""

from django import forms

from search.query import clean_query


class QueryField(forms.CharField):
    """The query box: control characters dropped and length bounded, never refused."""

    def to_python(self, value):
        return clean_query(super().to_python(value))


class SearchForm(forms.Form):
    """What a visitor asks for; an invalid facet value is ignored rather than shown as an error."""

    q = QueryField(required=False)
    theme = forms.SlugField(required=False, max_length=100)
    association = forms.SlugField(required=False, max_length=200)
    event = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    region = forms.CharField(required=False, max_length=100)
    exact = forms.BooleanField(required=False)  # « rechercher plutôt … »: no correction

    FACET_NAMES = ("theme", "association", "event", "year", "region")

    def criteria(self):
        """(query text, {facet name: selected value}, exact spelling wanted) from the valid
        fields."""
        self.is_valid()
        data = self.cleaned_data
        selected = {
            name: data[name] for name in self.FACET_NAMES if data.get(name) not in (None, "")
        }
        text = data.get("q", "")
        return text, selected, bool(data.get("exact"))
