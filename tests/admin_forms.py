"""Read an admin change form's fields from its HTML, as a browser would submit them."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._select_values: list[str] = []
        self._first_option: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.setdefault(name, []).append(attrs.get("value", "on"))
            elif kind not in ("submit", "button", "file"):
                self.data.setdefault(name, []).append(attrs.get("value", ""))
        elif tag == "select" and name:
            self._select, self._select_values, self._first_option = name, [], None
            self._multiple = "multiple" in attrs
        elif tag == "option" and self._select is not None:
            if self._first_option is None:
                self._first_option = attrs.get("value", "")
            if "selected" in attrs:
                self._select_values.append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select" and self._select is not None:
            # A browser sends a multiple select's chosen options, none if none is chosen,
            # and a single select's chosen option, or its first.
            values = self._select_values or ([] if self._multiple else [self._first_option or ""])
            self.data.setdefault(self._select, []).extend(values)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.data.setdefault(self._textarea, []).append("".join(self._text).lstrip("\n"))
            self._textarea = None


def admin_form_data(html: str, form_id: str) -> dict[str, list[str]]:
    """The values a browser would post for the form `form_id` (e.g. "revision_form")."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return reader.data
