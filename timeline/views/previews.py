"""Preview images for shared links (issue 9, point 4): the clause, revision and compare
pages each name one as their og:image.

Each view asks for what its page shows, in a bounded number of queries, and puts it on a
`timeline.preview_images.Card`. The drawing is cached under the card's digest, which is
also its ETag: the same content is the same image, served without redrawing, and an edit
is a new image at the same address.
"""

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response
from django.utils.text import capfirst

from timeline.diff import Op
from timeline.languages import PARAMETER, LanguageError, chosen_language, text_versions
from timeline.lineage import Presence
from timeline.models import Clause, Resolution, Revision, TextStatus
from timeline.preview_images import Card, Marker, Paragraph, Run, draw
from timeline.templatetags.redline import honest_date
from timeline.views.clauses import History, clause_history
from timeline.views.compare import Row, joined_comparison, place

CACHE_SECONDS = 60 * 60 * 24 * 7
# Unfurlers fetch an image once and keep it; within an hour an edit shows, and the ETag
# spares the drawing when nothing changed.
MAX_AGE = 60 * 60
# A card holds about six lines of text: no more paragraphs than that are worth reading.
PARAGRAPHS = 6
# Words of unchanged text kept either side of a change; the rest is an ellipsis.
CONTEXT_WORDS = 8
# A clause's markers as a revision's card labels its paragraphs with them.
SHORT = {"paraphrase": "reported paraphrase", "fragment": "fragment", "bracketed": "bracketed"}


def clause_preview(request: HttpRequest, family: str, key: str) -> HttpResponse:
    """The clause page's image: its latest text and what is known of it."""
    family = get_object_or_404(Resolution, slug=family)
    history = clause_history(family.revisions.published().in_date_order().with_clause(key), key)
    if not history.present:
        raise Http404("No clause of this family has that key.")
    return _image(request, clause_card(family, history), public=True)


def revision_preview(request: HttpRequest, family: str, revision: str) -> HttpResponse:
    """The revision page's image: the opening of its text, in the language the page shows
    (`?lang=`)."""
    revision = get_object_or_404(
        Revision.objects.visible_to(request.user)
        .select_related("resolution")
        .prefetch_related("other_languages"),
        resolution__slug=family,
        slug=revision,
    )
    try:
        language = chosen_language(request.GET, [revision])
    except LanguageError as error:
        raise Http404(str(error)) from error
    clauses = revision.clauses.filter(language=language).order_by("position")[:PARAGRAPHS]
    card = revision_card(revision, language, list(clauses))
    return _image(request, card, public=revision.published)


def compare_preview(request: HttpRequest, family: str, old: str, new: str) -> HttpResponse:
    """The compare page's image: the summary, and the first changes marked."""
    return _compare_preview(request, family, old, family, new)


def compare_across_preview(
    request: HttpRequest, old_family: str, old: str, new_family: str, new: str
) -> HttpResponse:
    """The image of a comparison of two families' revisions."""
    return _compare_preview(request, old_family, old, new_family, new)


def _compare_preview(
    request: HttpRequest, old_family: str, old: str, new_family: str, new: str
) -> HttpResponse:
    revisions = (
        Revision.objects.visible_to(request.user)
        .select_related("resolution")
        .prefetch_related("other_languages")
    )
    pair = [
        get_object_or_404(revisions, resolution__slug=old_family, slug=old),
        get_object_or_404(revisions, resolution__slug=new_family, slug=new),
    ]
    try:
        language = chosen_language(request.GET, pair)
    except LanguageError as error:
        if request.GET.getlist(PARAMETER):
            raise Http404(str(error)) from error
        language = None
    return _image(request, compare_card(*pair, language), public=all(r.published for r in pair))


def _image(request: HttpRequest, card: Card, *, public: bool) -> HttpResponse:
    digest = card.digest()
    # A draft's image is for the editor previewing it, never for a shared cache.
    headers = {
        "ETag": f'"{digest}"',
        "Cache-Control": f"{'public' if public else 'private'}, max-age={MAX_AGE}",
    }
    not_modified = get_conditional_response(request, etag=headers["ETag"])
    if not_modified is not None:
        for name, value in headers.items():
            not_modified[name] = value
        return not_modified
    key = f"preview-image:{digest}"
    png = cache.get(key)
    if png is None:
        png = draw(card)
        cache.set(key, png, CACHE_SECONDS)
    return HttpResponse(png, content_type="image/png", headers=headers)


# What each card shows: what its page says, in the page's words.


def clause_card(family: Resolution, history: History) -> Card:
    """A clause page's card: the clause's latest text, its markers, and where it went."""
    clause, revision = history.latest.clause, history.latest.revision
    runs = [Run(clause.text)]
    if not clause.complete and not clause.is_paraphrase:
        runs.append(Run(" …"))
    markers = [*_clause_markers(clause, revision), *_date_markers(revision)]
    if fate := history.fate:
        if fate.presence == Presence.DROPPED:
            markers.append(Marker(f"dropped in {fate.revision.label}"))
        else:
            markers.append(Marker(f"not in the available part of {fate.revision.label}"))
    return Card(
        kicker="A clause through time",
        title=family.title,
        subtitle=f"{revision.label} · {honest_date(revision)}",
        heading=capfirst(clause.reader_name),
        paragraphs=(Paragraph(tuple(runs), clause.language),),
        markers=tuple(markers),
    )


def revision_card(revision: Revision, language: str, clauses: list[Clause]) -> Card:
    """A revision page's card: the opening `clauses` of its text in `language`, each
    labelled with its place and markers, and what is known of the whole."""
    text_status = next(v.text_status for v in text_versions(revision) if v.language == language)
    markers = [Marker(revision.get_status_display())]
    if text_status != TextStatus.COMPLETE:
        markers.append(Marker(TextStatus(text_status).label, "fragment"))
    markers += _date_markers(revision)
    if not revision.published:
        markers.append(Marker("draft preview: not published"))
    paragraphs = tuple(
        Paragraph(
            (Run(c.text),),
            c.language,
            label=" · ".join([place(c), *(SHORT[m.kind] for m in _clause_markers(c, revision))]),
        )
        for c in clauses
    )
    return Card(
        kicker="A revision",
        title=revision.resolution.title,
        subtitle=" · ".join(
            filter(None, [revision.label, honest_date(revision), _symbol(revision)])
        ),
        paragraphs=paragraphs,
        markers=tuple(markers),
        empty="No wording of this revision has been found.",
    )


def compare_card(old: Revision, new: Revision, language: str | None) -> Card:
    """A compare page's card: the summary the page gives, and the first changes with their
    insertions and deletions (changes of wording first, then what only one copy has)."""
    families = [old.resolution.title]
    if new.resolution_id != old.resolution_id:
        families.append(new.resolution.title)
    card = {
        "kicker": "A comparison",
        "title": " and ".join(families),
        "subtitle": f"{old.label} → {new.label}",
        "markers": tuple(_side_markers(old, new, language)),
    }
    if old.pk == new.pk:
        return Card(**card, heading="The same revision on both sides", empty="Nothing to compare.")
    if language is None:
        known = [
            f"{r.label} is known in {' and '.join(v.english_name for v in text_versions(r))}"
            for r in (old, new)
        ]
        return Card(**card, heading="No language in common", empty="; ".join(known) + ".")
    joined = joined_comparison(old, new, {"view": "inline", "show": "changes"}, language)
    # Changes first, then the paragraphs that only one copy has.
    rows = sorted(joined["changes"], key=lambda row: bool(row.missing_from))[:PARAGRAPHS]
    return Card(
        **card,
        heading=capfirst(joined["summary"]),
        paragraphs=tuple(_change(row, language) for row in rows),
        empty="The two texts are the same.",
    )


def _clause_markers(clause: Clause, revision: Revision) -> list[Marker]:
    """A clause's honesty markers, in the words of includes/clause_markers.html."""
    markers = []
    if clause.is_paraphrase:
        markers.append(Marker("reported paraphrase", "paraphrase"))
    if not clause.complete and not clause.is_paraphrase:
        if revision.text_status == TextStatus.FRAGMENTS:
            markers.append(Marker("fragment — part of the paragraph, as quoted", "fragment"))
        else:
            markers.append(Marker("fragment — the available copy ends here", "fragment"))
    if clause.bracketed:
        markers.append(Marker("bracketed — not yet agreed", "bracketed"))
    return markers


def _date_markers(revision: Revision, prefix: str = "") -> list[Marker]:
    return [Marker(f"{prefix}date approximate", "date")] if revision.date_is_approximate else []


def _side_markers(old: Revision, new: Revision, language: str | None) -> list[Marker]:
    """What is known of each side's text, in the language compared, and of its date."""
    markers = []
    for revision in dict.fromkeys([old, new]):
        shown = language or revision.language
        status = next(v.text_status for v in text_versions(revision) if v.language == shown)
        if status != TextStatus.COMPLETE:
            markers.append(Marker(f"{revision.label}: {TextStatus(status).label}", "fragment"))
        markers += _date_markers(revision, prefix=f"{revision.label}: ")
    return markers


def _symbol(revision: Revision) -> str:
    if revision.symbol and revision.symbol not in revision.label:
        return revision.symbol
    return ""


def _change(row: Row, language: str) -> Paragraph:
    label = f"{row.place} · {row.description}"
    if row.missing_from:
        # Not in one copy is not a deletion or an insertion: the text, unmarked.
        text = "".join(text for _, text in row.ops)
        return Paragraph((Run(text),), language, label)
    return Paragraph(_focused(row.ops), language, label)


def _focused(ops) -> tuple[Run, ...]:
    """A change's runs, each long stretch of unchanged text cut to a few words either side
    of the changes, with an ellipsis where words are left out."""
    runs = []
    last = len(ops) - 1
    for index, (op, text) in enumerate(ops):
        if op is not Op.EQUAL or last == 0:
            runs.append(Run(text, str(op)))
            continue
        words = text.split()
        before = " " if text[:1].isspace() else ""
        after = " " if text[-1:].isspace() else ""
        if index == 0 and len(words) > CONTEXT_WORDS:
            text = f"… {' '.join(words[-CONTEXT_WORDS:])}{after}"
        elif index == last and len(words) > CONTEXT_WORDS:
            text = f"{before}{' '.join(words[:CONTEXT_WORDS])} …"
        elif 0 < index < last and len(words) > 2 * CONTEXT_WORDS:
            kept = [" ".join(words[:CONTEXT_WORDS]), " ".join(words[-CONTEXT_WORDS:])]
            text = f"{before}{' … '.join(kept)}{after}"
        runs.append(Run(text))
    return tuple(runs)
