"""The words a reader meets on Redline's pages, each defined once: the glossary page lists
them and the `{% term %}` tag links a use of one to its definition.

Definitions say what the word means in Security Council practice and, where Redline gives
it a narrower sense in its data, that sense too. They state only what the collection's
documentation or the texts themselves establish."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One entry of the glossary: `slug` is its anchor on the glossary page
    (`/glossary/#in-blue`); `abbreviation`, where the term is usually met abbreviated, is
    what `<abbr>` expands; `aliases` are the values of the data's vocabularies (revision
    statuses, text statuses) that this term explains."""

    slug: str
    name: str
    definition: str
    abbreviation: str = ""
    aliases: tuple[str, ...] = ()


TERMS: tuple[Term, ...] = (
    Term(
        "draft-family",
        "draft family",
        "The drafts of one negotiation: a text through its revisions, together with the rival "
        "drafts put forward on the same question, and the resolution they led to, if any. For "
        "a mandate renewed again and again (the UNDOF mandate, the cross-border mechanism) the "
        "family holds every renewal, each following the one before.",
    ),
    Term(
        "revision",
        "revision",
        "One version of a draft as it stood at one moment: a leaked copy, a draft put in blue, "
        "a document issued with a symbol, or the resolution adopted. An official document in "
        "several languages is one revision with several language versions, not several "
        "revisions.",
    ),
    Term(
        "predecessor",
        "predecessor (“follows”)",
        "The revision of the same family that a revision continues. Redline compares a "
        "revision with its predecessor by default. A renewal follows the resolution it renews. "
        "Rival drafts never follow each other: they may follow the same predecessor.",
        aliases=("follows",),
    ),
    Term(
        "rival-drafts",
        "rival drafts",
        "Drafts put forward on the same question in competition with one another, such as "
        "S/2023/506 (Brazil and Switzerland) and S/2023/507 (Russian Federation), both voted "
        "on 11 July 2023. A rival is not a revision of the other draft: Redline compares two "
        "rivals as rivals and says so.",
        aliases=("rivals",),
    ),
    Term(
        "circulated",
        "circulated",
        "As a status in Redline: the draft was circulated among Council members or leaked, "
        "and no vote on this version is reported.",
    ),
    Term(
        "in-blue",
        "in blue",
        "A draft “put in blue” is in its final form and can be put to a vote; the name comes "
        "from the blue ink in which final drafts were once printed. As a status in Redline: "
        "put in blue, with no vote on that version reported.",
    ),
    Term(
        "not-voted",
        "not put to a vote",
        "As a status in Redline: a source states that this draft was never put to a vote.",
    ),
    Term(
        "veto",
        "veto",
        "A negative vote by one of the Council's five permanent members (China, France, the "
        "Russian Federation, the United Kingdom and the United States). A draft fails if a "
        "permanent member votes against it, however many members vote in favour.",
        aliases=("vetoed",),
    ),
    Term(
        "not-adopted",
        "not adopted (too few votes)",
        "A draft put to the vote that failed because it did not receive the nine votes in "
        "favour it needed, without a veto.",
    ),
    Term(
        "adopted",
        "adopted",
        "A draft that received at least nine votes in favour and no veto becomes a "
        "resolution of the Security Council, numbered in one series with the year, such as "
        "resolution 2042 (2012).",
    ),
    Term(
        "penholder",
        "penholder",
        "The Council member that drafts the texts on a subject and leads the negotiation on "
        "them. Redline names a penholder only where a source says the country drafted the "
        "text; the official texts name sponsors, not penholders.",
    ),
    Term(
        "sponsor",
        "sponsor",
        "A state that formally puts a draft forward. For a document with a symbol, the "
        "sponsors are the official list read out at the meeting; for a draft never issued as "
        "a document, the states the sources name as circulating it. Sponsors of a draft are "
        "not the same as the proposer of one of its clauses.",
        aliases=("sponsors",),
    ),
    Term(
        "proposer",
        "proposer",
        "The country that a source explicitly credits with a particular clause. Redline "
        "records a proposer only with the source that says so, and the source's words.",
        aliases=("proposers",),
    ),
    Term(
        "preambular-paragraph",
        "preambular paragraph",
        "A paragraph of the opening part of a resolution, which sets out the context and "
        "principles the Council recalls or considers. It begins with a word such as "
        "“Recalling”, “Reaffirming” or “Deeply concerned”, and decides nothing.",
        aliases=("preambular",),
    ),
    Term(
        "operative-paragraph",
        "operative paragraph",
        "A numbered paragraph of the operative part of a resolution, which begins with a verb "
        "such as “Demands”, “Decides” or “Requests” and says what the Council decides, "
        "demands or asks for.",
        aliases=("operative",),
    ),
    Term(
        "annex",
        "annex",
        "Text attached to a resolution and part of it, such as the six-point proposal "
        "annexed to resolution 2042 (2012).",
    ),
    Term(
        "pp-op-numbering",
        "PP/OP numbering",
        "Negotiators refer to paragraphs by their place: PP3 is the third preambular "
        "paragraph, OP5 the fifth operative paragraph; “bis” marks a paragraph inserted after "
        "another (pp9bis). Redline shows each number as its source prints it (PP3, pp3, OP 9), "
        "and its anchors use the same pattern: #pp3, #op5.",
        aliases=("pp", "op"),
    ),
    Term(
        "verbatim",
        "verbatim",
        "The source presents the words as the draft's own. Redline copies them character for "
        "character from the source, spelling, typing errors and quotation marks included. The "
        "United Nations' official texts are verbatim and complete.",
    ),
    Term(
        "paraphrase",
        "reported paraphrase",
        "A source's summary of a clause in its own words (“would have demanded…”), not the "
        "draft's wording. Redline copies it exactly from that source, marks it “reported "
        "paraphrase”, never mixes it with verbatim text and never compares it word by word.",
        aliases=("reported-paraphrase",),
    ),
    Term(
        "fragment",
        "fragment",
        "Part of a paragraph, not the whole of it: either the available copy of the draft "
        "ends within the paragraph (“fragment — the available copy ends here”), or a source "
        "quotes only part of it (“fragment — part of the paragraph, as quoted”). Nothing cut "
        "off is completed. A revision with “fragments only” is known only from such "
        "quotations or summaries, and the order of its clauses in the draft is unknown "
        "(“position unknown”).",
        aliases=("fragments", "fragments-only"),
    ),
    Term(
        "partial-text",
        "partial text",
        "Of a revision: a continuous part of its text, usually the opening, is available; the "
        "rest is missing. A paragraph missing from it is “not in the available part”, which "
        "is not the same as dropped.",
        aliases=("partial",),
    ),
    Term(
        "complete-text",
        "complete text",
        "Of a revision: the whole text is available.",
        aliases=("complete",),
    ),
    Term(
        "no-text-available",
        "no text available",
        "Of a revision: no wording of the draft has been found; what is known about it is in "
        "its note and sources.",
        aliases=("none",),
    ),
    Term(
        "bracketed-text",
        "bracketed text",
        "Words in square brackets in a negotiating draft are not yet agreed: alternatives or "
        "proposals still under discussion. Redline marks such a paragraph “bracketed — not "
        "yet agreed”. Brackets that a journalist inserts into a quotation (“[and]”) do not "
        "count.",
        aliases=("bracketed",),
    ),
    Term(
        "approximate-date",
        "date approximate",
        "The sources do not fix the day. Redline writes such a date “c. 16 Jan 2012”, uses "
        "the earliest date the sources give and says how the date is known (“AFP says 16 "
        "January, RIA Novosti 17 January”).",
        aliases=("approximate",),
    ),
    Term(
        "language-versions",
        "language versions",
        "The United Nations publishes Security Council documents in its six official "
        "languages (Arabic, Chinese, English, French, Russian and Spanish) and also "
        "translates resolutions into German. Redline keeps them together as one revision and "
        "never compares a text in one language with a text in another.",
    ),
    Term(
        "written-procedure",
        "written procedure",
        "A vote taken by letter rather than in a meeting, as the Council did in 2020 and 2021 "
        "during the COVID-19 pandemic. Such a vote has no meeting record.",
    ),
    Term(
        "s-pv",
        "S/PV (meeting record)",
        "The symbol of the verbatim record of a Security Council meeting: S/PV.9371 is the "
        "record of the meeting of 11 July 2023 at which S/2023/506 and S/2023/507 were voted "
        "on. Votes in Redline cite the meeting where they were cast.",
        abbreviation="verbatim record of a Security Council meeting",
    ),
    Term(
        "document-symbols",
        "S/RES and S/YYYY/NNN symbols",
        "Security Council documents are numbered by year: S/2012/77 is the Council's "
        "document number 77 of 2012, here a draft resolution. An adopted resolution has its "
        "own symbol, S/RES/2042 (2012) for resolution 2042, adopted in 2012. A draft never "
        "issued as a document has no symbol.",
    ),
    Term(
        "unsmis",
        "UNSMIS",
        "The United Nations Supervision Mission in Syria, established by resolution 2043 "
        "(2012) in April 2012 to monitor the cessation of armed violence; resolution 2059 "
        "(2012) renewed it for a final period of 30 days.",
        abbreviation="United Nations Supervision Mission in Syria",
    ),
    Term(
        "undof",
        "UNDOF",
        "The United Nations Disengagement Observer Force, on the Golan Heights between Israel "
        "and Syria since 1974. The Council renews its mandate for six months at a time.",
        abbreviation="United Nations Disengagement Observer Force",
    ),
    Term(
        "cross-border-mechanism",
        "cross-border mechanism",
        "The authorisation that paragraphs 2 and 3 of resolution 2165 (2014) gave United "
        "Nations humanitarian agencies and their partners to bring aid into Syria across "
        "named border crossings, with notification to the Syrian authorities, under UN "
        "monitoring. Later resolutions renewed it for fewer crossings, up to 2672 (2023); on "
        "11 July 2023 the rival drafts S/2023/506 and S/2023/507 to extend it were both not "
        "adopted.",
    ),
)

_BY_SLUG: dict[str, Term] = {t.slug: t for t in TERMS} | {
    alias: t for t in TERMS for alias in t.aliases
}


def term_for(slug: str) -> Term | None:
    """The term with this slug, or whose aliases include it (a revision status such as
    `vetoed`, a text status such as `fragments`); None if the glossary has no such word."""
    return _BY_SLUG.get(str(slug).lower())
