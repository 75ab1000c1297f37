"""What editors and moderators see in the Wagtail admin: the episode editor's form and tabs
(forms, panels), the consent rule (consent), the admin home's panel (dashboard), the « Radio »
menu (viewsets) and the admin hooks (hooks)."""
