"""One lineage for every page: what a revision follows, what it rivals, what it is compared
with, and how two compared revisions are related."""

import pytest

from tests.helpers import text_of
from timeline.lineage import Lineage, family_lineage, relation
from timeline.models import Revision
from timeline.services import revision_predecessor


@pytest.fixture
def family(revision, clause):
    """A family of five: A; B with no text; C (follows nothing recorded); D following A
    explicitly; E rivalling D; F in Arabic following E; G rivalling A, following nothing
    recorded."""
    a = revision("A")
    b = revision("B", family=a.resolution)
    c = revision("C", family=a.resolution)
    d = revision("D", family=a.resolution, follows=a)
    e = revision("E", family=a.resolution, follows=a)
    f = revision("F", family=a.resolution, follows=e, language="ar")
    g = revision("G", family=a.resolution)
    d.rivals.add(e)
    g.rivals.add(a)
    for r in (a, c, d, e, g):
        clause(r, key="recalling")
    clause(f, key="recalling", language="ar", text="إذ يشير")
    return {r.label: r for r in (a, b, c, d, e, f, g)}


def lineage_of(family) -> Lineage:
    return family_lineage(Revision.objects.filter(resolution=family["A"].resolution))


@pytest.mark.parametrize(
    ("label", "predecessor", "base", "passed_over"),
    [
        ("A", None, None, []),
        ("B", "A", "A", []),
        ("C", "B", "A", ["B"]),  # B has no text: C is compared with A, and says why
        ("D", "A", "A", []),  # recorded: follows A, not the revision before it
        ("E", "A", "A", []),  # its rival D is never its predecessor
        ("F", "E", None, ["E", "A"]),  # no predecessor has an Arabic text
        ("G", None, None, []),  # a rival whose origin is not recorded descends from nothing
    ],
)
def test_predecessor_and_comparison_base(family, label, predecessor, base, passed_over):
    lineage = lineage_of(family)
    revision = lineage.by_pk[family[label].pk]
    found = lineage.predecessor(revision)
    assert (found.label if found else None) == predecessor
    chosen = lineage.base(revision)
    assert (chosen.revision.label if chosen.revision else None) == base
    assert [r.label for r in chosen.passed_over] == passed_over


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("A", "D", "predecessor"),
        ("A", "F", "predecessor"),
        ("D", "A", "reversed"),
        ("D", "E", "rivals"),
        ("E", "D", "rivals"),
        ("C", "D", "family"),
        ("A", "A", "same"),
    ],
)
def test_how_two_revisions_are_related(family, old, new, kind):
    lineage = lineage_of(family)
    assert (
        relation(lineage.by_pk[family[old].pk], lineage.by_pk[family[new].pk], lineage).kind == kind
    )


def test_revisions_of_two_families_are_related_as_such(family, revision):
    other = revision("Z")
    assert relation(family["A"], other, None).kind == "families"


def test_the_compare_page_labels_rivals_and_reversed_pairs(family, client):
    slug = family["A"].resolution.slug
    rivals = text_of(client.get(f"/r/{slug}/compare/d...e/"))
    assert "Rival drafts, not a revision: E competed with D." in rivals
    reversed_pair = text_of(client.get(f"/r/{slug}/compare/d...a/"))
    assert "Reversed: A came before D" in reversed_pair


def test_the_admin_compares_a_revision_with_its_comparison_base(family):
    assert revision_predecessor(revision=family["C"]).label == "A"
    assert revision_predecessor(revision=family["D"]).label == "A"
    assert revision_predecessor(revision=family["A"]) is None


def test_r3s_previous_revision_is_the_same_on_the_timeline_and_its_page(syria, client):
    timeline = text_of(client.get("/?family=russian-drafts-2011-2012"))
    assert (
        "fragments only: not compared with R1 (15 Dec) "
        "(R2 (23 Dec), which it follows, has no known text)"
    ) in timeline
    page = client.get("/r/russian-drafts-2011-2012/r3-16-17-jan/")
    html = page.content.decode()
    assert 'href="/r/russian-drafts-2011-2012/compare/r1-15-dec...r3-16-17-jan/"' in html
    assert "Compare with R1 (15 Dec) (R2 (23 Dec), which it follows, has no known text)" in (
        text_of(page)
    )


def test_a_revision_page_says_what_it_follows_and_whose_rival_it_is(syria, client):
    russian = text_of(client.get("/r/resolution-2042-2012/russian-draft-13-apr/"))
    assert (
        "Lineage Follows no earlier revision of this family that the sources name. "
        "Rival draft of US revised draft (compare the rivals)."
    ) in russian
    html = client.get("/r/resolution-2042-2012/russian-draft-13-apr/").content.decode()
    assert 'href="/r/resolution-2042-2012/compare/us-revised-draft...russian-draft-13-apr/"' in html
    adopted = text_of(client.get("/r/resolution-2042-2012/s-2012-219/"))
    assert "Lineage Follows US revised draft." in adopted


def test_the_family_page_gives_each_revision_its_predecessor_and_rivals(syria, client):
    page = text_of(client.get("/r/unsmis-renewal-july-2012/"))
    assert "S/2012/538 S/2012/538 vetoed UK draft (11 Jul) fragments only" in page
    assert (
        "Pakistan draft (19 Jul) — circulated — rival of UK draft, final 30 days (19 Jul)" in page
    )
