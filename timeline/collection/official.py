"""The United Nations' official texts, as `unsc-drafts/1` data merged into a collection.

`official_collection` takes the documents read from the UN's Akoma Ntoso files
(`timeline.akn`), their metadata (`data_extract/`), the grouping of documents into draft
families (`syria-families.json`, see `timeline/data/README-families.md`) and a base
collection, and returns the base with the official texts merged in, ready for
`collection_import`. Nothing is written here, so the import validates the whole result
first and stays one idempotent transaction.

- The language versions of one document (one FRBR work) are one revision: its English
  text is the main one where there is one, and the others are its other languages. The
  same paragraph has the same key in every language, paired by the document's own `eId`s.
- A document the grouping names joins its family; `follows` and `rivals` record its
  lineage. A document it does not name becomes a family of its own.
- A revision's keys carry over from the revision it follows: the comparison engine aligns
  the two English texts, and each matched paragraph keeps its predecessor's key, so a
  clause's permalink follows it through every renewal.
- A `merge` document gives the curated revision with its symbol its whole official text.
  The curated clauses' keys carry over as the grouping's `keys` map says (the official
  paragraph's `eId` → the curated key, proposed by the engine and checked by a person), and
  their proposers, sources and notes stay; curated texts in other languages stay as those
  languages' versions. The UN file is added as a source.
"""

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.utils.text import slugify

from timeline.akn.members import MemberState, UnknownMemberState, member_state
from timeline.akn.metadata import Metadata
from timeline.akn.reader import Document, Paragraph, ReaderError
from timeline.collection.json_file import JsonFileError, read_json
from timeline.diff import ClauseInput, Status, compare_clauses
from timeline.languages import language_name
from timeline.models import Language, RevisionStatus, TextStatus

FAMILIES_FORMAT = "redline-families/1"
# The commit of the UN's repository that ../shared/data/unxml copies (its README).
UPSTREAM = "https://github.com/UNxml/SCresolutions/blob/6c4072a/"
PUBLISHER = "United Nations, Department for General Assembly and Conference Management"
SOURCE_NOTE = (
    "Unofficial copy in Akoma Ntoso XML prepared by the United Nations from the official "
    "electronic file. Source: United Nations."
)
# Which version of a document is its main text, when it has no English one.
LANGUAGE_ORDER = [
    Language.ENGLISH,
    Language.FRENCH,
    Language.SPANISH,
    Language.RUSSIAN,
    Language.CHINESE,
    Language.ARABIC,
    Language.GERMAN,
]
CASTS = ("in_favour", "against", "abstaining")
# A vote's meeting when there was none: in 2020 and 2021 the Council voted by letter.
WRITTEN_PROCEDURE = "written procedure"


class OfficialTextError(Exception):
    """Documents or a grouping that cannot be merged; `problems` says every reason why,
    each naming its file (and line, where there is one)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


# The grouping file


@dataclass(frozen=True)
class Placement:
    """Where the grouping puts one document."""

    family: str
    label: str | None
    follows: str | None
    rivals: tuple[str, ...]
    note: str
    merge: bool
    keys: Mapping[str, str]


@dataclass
class Grouping:
    families: list[dict] = field(default_factory=list)
    placements: dict[str, Placement] = field(default_factory=dict)
    # The merged collection's own title and description, where the grouping gives them.
    collection: dict[str, str] = field(default_factory=dict)


def load_grouping(path: Path) -> Grouping:
    """Read a `redline-families/1` file, or raise OfficialTextError saying what is wrong."""
    try:
        data = read_json(path)
    except JsonFileError as error:
        raise OfficialTextError([f"cannot read the grouping: {error}"]) from None
    problems = []
    if not isinstance(data, dict) or data.get("format") != FAMILIES_FORMAT:
        raise OfficialTextError([f'{path}: not a "{FAMILIES_FORMAT}" file'])
    grouping = Grouping(collection=dict(data.get("collection") or {}))
    for i, family in enumerate(data.get("families", [])):
        where = f"{path}: families[{i}]"
        slug = family.get("slug")
        if not slug or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
            problems.append(f"{where}.slug: a kebab-case slug is needed")
            continue
        if not family.get("curated") and not family.get("title"):
            problems.append(f"{where}.title: a new family needs a title")
        grouping.families.append(family)
        for j, doc in enumerate(family.get("documents", [])):
            symbol = doc.get("symbol")
            if not symbol:
                problems.append(f"{where}.documents[{j}].symbol: missing")
                continue
            if symbol in grouping.placements:
                problems.append(f"{where}.documents[{j}]: {symbol} is grouped twice")
            grouping.placements[symbol] = Placement(
                family=slug,
                label=doc.get("label"),
                follows=doc.get("follows"),
                rivals=tuple(doc.get("rivals", [])),
                note=doc.get("note") or "",
                merge=bool(doc.get("merge")),
                keys=doc.get("keys", {}),
            )
    if problems:
        raise OfficialTextError(problems)
    return grouping


# One document in all its languages


@dataclass
class Work:
    """The language versions of one document, main language first."""

    versions: list[Document]
    # Set when another document names the same draft: the metadata of one is wrong.
    draft_in_doubt: bool = False

    @property
    def main(self) -> Document:
        return self.versions[0]

    @property
    def symbol(self) -> str:
        """The revision's symbol: the draft's, as the curated collection records drafts, or
        the document's own where its draft's symbol is in doubt."""
        if self.draft_in_doubt:
            return self.main.symbol
        return self.main.draft_symbol or self.main.symbol


def works(documents: Iterable[Document], warn=None) -> list[Work]:
    """Documents grouped by the symbol their preface prints (the FRBR work names differ
    between language versions where a version's date is missing), in date order; within a
    work, its language versions in LANGUAGE_ORDER.

    Every version must have as many paragraphs as the main text: a file whose metadata
    names another document than its text (the UN's copy has a few), or whose markup
    splits or merges paragraphs, would otherwise pair paragraphs that are not the same.
    Such a version is left out, and `warn` is told why; two files of one document and
    language that both fit are refused."""
    warn = warn or (lambda message: None)
    by_work: dict[str, list[Document]] = {}
    for doc in documents:
        by_work.setdefault(_symbol_key(doc.symbol), []).append(doc)
    problems = []
    result = []
    for versions in by_work.values():
        versions.sort(key=lambda d: (_language_rank(d.language), str(d.path)))
        shape = _shape(versions[0])
        fitting = []
        for doc in versions[1:]:
            if _shape(doc) != shape:
                warn(
                    f"{doc.path}: left out: it says it is {doc.symbol} in "
                    f"{language_name(doc.language)}, but its "
                    f"paragraphs do not match the main text "
                    f"({_describe(_shape(doc))} against {_describe(shape)})"
                )
                continue
            fitting.append(doc)
        seen: dict[str, Document] = {versions[0].language: versions[0]}
        kept = [versions[0]]
        for doc in fitting:
            first = seen.get(doc.language)
            if first is None:
                seen[doc.language] = doc
                kept.append(doc)
            elif _texts(first) == _texts(doc):
                # The UN's copy files a few documents twice, the same text in both.
                warn(f"{doc.path}: left out: the same text as {first.path}")
            else:
                problems.append(
                    f"{doc.path}: the same document and language as {first.path}, with another text"
                )
        result.append(Work(kept))
    if problems:
        raise OfficialTextError(problems)
    drafts: dict[str, list[Work]] = {}
    for work in result:
        drafts.setdefault(_symbol_key(work.symbol), []).append(work)
    for same in drafts.values():
        if len(same) > 1:
            names = ", ".join(w.main.symbol for w in same)
            warn(
                f"{names} all name {same[0].symbol} as their draft: each is recorded under "
                "its own symbol"
            )
            for work in same:
                work.draft_in_doubt = True
    return sorted(result, key=lambda w: (w.main.date, w.symbol))


def _texts(doc: Document) -> list[tuple[str, str | None, str]]:
    return [(p.section, p.number, p.text) for p in doc.paragraphs]


def _symbol_key(symbol: str) -> str:
    """ "S/RES/2737(2024)" and "S/RES/2737 (2024)" are one symbol."""
    return re.sub(r"\s+", "", symbol).upper()


def _shape(doc: Document) -> int:
    return len(doc.paragraphs)


def _describe(shape: int) -> str:
    return f"{shape} paragraph{'s' if shape != 1 else ''}"


def _language_rank(language: str) -> int:
    return LANGUAGE_ORDER.index(language) if language in LANGUAGE_ORDER else len(LANGUAGE_ORDER)


# The merge


def official_collection(
    *,
    base: dict[str, Any],
    documents: Iterable[Document],
    metadata: Mapping[str, Metadata],
    grouping: Grouping | None = None,
    root: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """`base` (unsc-drafts/1 data, not changed) with the documents merged in.

    `root` is the folder the UN's layout starts from (the one holding `data_extract/`),
    which names each file's place in the UN's repository for its source link. `warn` is
    told of each file left out (see `works`).
    Raises OfficialTextError listing every problem (an unknown member state, a grouping
    naming a document it was not given, a merge without its curated revision...).
    """
    merger = _Merger(base, metadata, grouping or Grouping(), root, warn)
    merger.run(works(documents, warn))
    if merger.problems:
        raise OfficialTextError(merger.problems)
    return merger.data


class _Merger:
    def __init__(
        self,
        base: dict[str, Any],
        metadata: Mapping[str, Metadata],
        grouping: Grouping,
        root: Path | None,
        warn: Callable[[str], None] | None = None,
    ) -> None:
        self.warn = warn or (lambda message: None)
        self.data = json.loads(json.dumps(base))
        self.metadata = {_symbol_key(symbol): m for symbol, m in metadata.items()}
        self.grouping = grouping
        self.root = root
        self.problems: list[str] = []
        self.countries = {c["code"]: c for c in self.data["countries"]}
        self.sources = {s["id"]: s for s in self.data["sources"]}
        self.families = {f["slug"]: f for f in self.data["resolutions"]}
        # The revisions this run made from official texts, by family, whose keys carry over
        # from what they follow (merged revisions keep the keys the grouping gives).
        self.fresh: dict[str, set[str]] = {}

    def run(self, works: list[Work]) -> None:
        for name in ("title", "description"):
            if self.grouping.collection.get(name):
                self.data[name] = self.grouping.collection[name]
        for family in self.grouping.families:
            if not family.get("curated") and family["slug"] not in self.families:
                new = {
                    "slug": family["slug"],
                    "title": family["title"],
                    "summary": family.get("summary", ""),
                    "penholders": list(family.get("penholders", [])),
                    "revisions": [],
                }
                self.data["resolutions"].append(new)
                self.families[new["slug"]] = new
            elif not family.get("curated"):
                existing = self.families[family["slug"]]
                existing["title"] = family["title"]
                existing["summary"] = family.get("summary", "")
                existing["penholders"] = list(family.get("penholders", []))
            elif family["slug"] not in self.families:
                self.problems.append(
                    f"grouping: the curated family {family['slug']} is not in the collection"
                )
        for work in works:
            try:
                self.work(work)
            except ReaderError as error:
                self.problems.append(str(error))
        for family in self.families.values():
            self.order(family)
        for family in self.families.values():
            self.carry_keys(family)

    # Countries and sources

    def country(self, name: str, doc: Document, *, sponsor: bool = False) -> str | None:
        """The code of a member state named in a vote or a sponsor list. An unknown name in a
        vote refuses the file; a sponsor list's entry that names no State at all (the UN's
        workflow sometimes says "report of the Secretary-General" there) is left out, and
        said to be."""
        try:
            member: MemberState = member_state(name)
        except UnknownMemberState:
            line = doc.name_lines.get(name)
            where = f"{doc.path}:{line}" if line else str(doc.path)
            if sponsor and not _looks_like_a_state(name):
                self.warn(f'{where}: "{name}" is not a State: left out of the sponsors')
            else:
                self.problems.append(f'{where}: unknown member state "{name}"')
            return None
        if member.code not in self.countries:
            country = {
                "code": member.code,
                "name": member.name,
                "un_name": member.un_name,
                "permanent_member": member.permanent,
            }
            self.data["countries"].append(country)
            self.countries[member.code] = country
        return member.code

    def countries_of(
        self, names: Iterable[str], doc: Document, *, sponsor: bool = False
    ) -> list[str]:
        codes = (self.country(name, doc, sponsor=sponsor) for name in names)
        return list(dict.fromkeys(c for c in codes if c))

    def source(self, doc: Document) -> str:
        slug = slugify(f"un-akn-{doc.symbol}-{doc.language}".replace("/", "-"))[:100]
        name = language_name(doc.language)
        relative = doc.path.name
        if self.root is not None:
            try:
                relative = doc.path.resolve().relative_to(self.root.resolve()).as_posix()
            except ValueError:
                relative = doc.path.name
        source = {
            "id": slug,
            "title": f"{doc.symbol}, {name} text (Akoma Ntoso XML)",
            "publisher": PUBLISHER,
            "url": UPSTREAM + quote(relative),
            "date": doc.date.isoformat(),
            "kind": "un-document",
            "note": SOURCE_NOTE,
        }
        if slug not in self.sources:
            self.data["sources"].append(source)
        else:
            self.sources[slug].update(source)
        self.sources[slug] = source
        return slug

    # One work

    def work(self, work: Work) -> None:
        placement = self.grouping.placements.get(work.symbol)
        main = work.main
        meta = self.metadata.get(_symbol_key(main.symbol))
        if placement is None:
            family = self.own_family(work, meta)
            placement = Placement(family["slug"], None, None, (), "", False, {})
        family = self.families.get(placement.family)
        if family is None:
            self.problems.append(
                f"{main.path}: its family {placement.family} is not in the grouping"
            )
            return
        sources = {doc.language: self.source(doc) for doc in work.versions}
        texts = {doc.language: self.clauses(doc, sources[doc.language]) for doc in work.versions}
        self.share_keys(work, texts)
        revision = self.revision(work, placement, meta, sources, texts)
        existing = next(
            (v for v in family["revisions"] if v["symbol"] == work.symbol),
            None,
        )
        if placement.merge:
            if existing is None:
                self.problems.append(
                    f"{main.path}: no revision {work.symbol} in {family['slug']} to merge into"
                )
                return
            self.merge(existing, revision, placement, main)
        else:
            self.apply_keys(revision, placement, main)
            if existing is not None:
                existing.update(revision)
            else:
                family["revisions"].append(revision)
            self.fresh.setdefault(family["slug"], set()).add(revision["label"])

    def apply_keys(self, revision: dict, placement: Placement, doc: Document) -> None:
        """The keys the grouping gives some paragraphs (eId → key), in every language."""
        renamed = self.renamed_keys(placement, doc, revision)
        for c in revision["clauses"]:
            c["key"] = renamed.get(c["key"], c["key"])

    def renamed_keys(self, placement: Placement, doc: Document, revision: dict) -> dict:
        name = slugify((doc.resolution_number or doc.symbol).replace("/", "-"))
        own = {c["key"] for c in revision["clauses"]}
        renamed = {}
        for eid, key in placement.keys.items():
            if _key(name, eid) not in own:
                self.problems.append(f"{doc.path}: the grouping maps {eid}, which it does not have")
            renamed[_key(name, eid)] = key
        return renamed

    def own_family(self, work: Work, meta: Metadata | None) -> dict:
        main = work.main
        name = main.resolution_number and f"resolution-{main.resolution_number}"
        slug = slugify((name or work.symbol).replace("/", "-"))[:100]
        if slug not in self.families:
            title = (meta.title if meta else None) or main.title or work.symbol
            family = {
                "slug": slug,
                "title": _short_title(title)[:300],
                "summary": "",
                "penholders": [],
                "revisions": [],
            }
            self.data["resolutions"].append(family)
            self.families[slug] = family
        return self.families[slug]

    def clauses(self, doc: Document, source: str) -> list[dict]:
        name = slugify((doc.resolution_number or doc.symbol).replace("/", "-"))
        clauses = []
        for position, p in enumerate(doc.paragraphs, 1):
            clauses.append(
                {
                    "key": _key(name, p.eid),
                    "section": p.section,
                    "number": _number(p),
                    "position": position,
                    "language": doc.language,
                    "text": p.text,
                    "text_kind": "verbatim",
                    "complete": True,
                    "bracketed": False,
                    "proposers": [],
                    "sources": [source],
                    "note": None,
                    "eid": p.eid,
                }
            )
        return clauses

    def share_keys(self, work: Work, texts: dict[str, list[dict]]) -> None:
        """Every language's paragraph takes the key of the main text's paragraph in the same
        place (`works` lets in only versions with as many paragraphs). Places, not eIds or
        sections: the UN's markup of a translation sometimes puts a paragraph in another
        part, or numbers its elements differently, while the paragraphs are the same."""
        main = texts[work.main.language]
        for language, clauses in texts.items():
            if language != work.main.language:
                for ours, theirs in zip(clauses, main, strict=True):
                    ours["key"] = theirs["key"]

    def revision(
        self,
        work: Work,
        placement: Placement,
        meta: Metadata | None,
        sources: dict[str, str],
        texts: dict[str, list[dict]],
    ) -> dict:
        main = work.main
        sponsors = main.sponsors or (meta.sponsors if meta else ())
        status = {
            "adopted": RevisionStatus.ADOPTED,
            "vetoed": RevisionStatus.VETOED,
            "not-adopted": RevisionStatus.NOT_ADOPTED,
        }.get(main.outcome or "", RevisionStatus.CIRCULATED)
        if main.kind == "resolution":
            status = RevisionStatus.ADOPTED
        return {
            "label": placement.label or main.resolution_number or work.symbol,
            "date": main.date.isoformat(),
            "date_precision": "day",
            "date_note": None,
            "symbol": work.symbol,
            "status": str(status),
            "sponsors": self.countries_of(sponsors, main, sponsor=True),
            "text_status": TextStatus.COMPLETE.value,
            "language": main.language,
            "other_languages": [
                {"language": doc.language, "text_status": TextStatus.COMPLETE.value}
                for doc in work.versions[1:]
            ],
            "follows": placement.follows,
            "rivals": list(placement.rivals),
            "sources": list(sources.values()),
            "note": placement.note or None,
            "clauses": [_without_eid(c) for doc in work.versions for c in texts[doc.language]],
            "vote": self.vote(work, meta, status, sources[main.language]),
            "amendments": [],
        }

    def vote(self, work: Work, meta: Metadata | None, status: str, source: str) -> dict | None:
        main = work.main
        votes = main.votes or (meta.votes if meta else None)
        if status not in (
            RevisionStatus.ADOPTED,
            RevisionStatus.VETOED,
            RevisionStatus.NOT_ADOPTED,
        ):
            return None
        ballots = {cast: self.countries_of((votes or {}).get(cast, ()), main) for cast in CASTS}
        cast_twice = {
            code
            for cast in CASTS
            for code in ballots[cast]
            if sum(code in b for b in ballots.values()) > 1
        }
        if cast_twice:
            # The file names a member on two sides: its ballot is not known.
            self.warn(
                f"{main.path}: {', '.join(sorted(cast_twice))} listed on two sides of the vote: "
                "left out of it, so the vote names fewer than all members"
            )
            ballots = {
                cast: [c for c in codes if c not in cast_twice] for cast, codes in ballots.items()
            }
        return {
            "date": main.date.isoformat(),
            "meeting": main.meeting or (meta.meeting if meta else None) or WRITTEN_PROCEDURE,
            **ballots,
            "adopted": status == RevisionStatus.ADOPTED,
            "resolution_number": main.resolution_number,
            "sources": [source],
        }

    def merge(self, curated: dict, official: dict, placement: Placement, doc: Document) -> None:
        """The curated revision takes the official text; see the module's docstring."""
        keys = dict(placement.keys)
        official_keys = {c["key"] for c in official["clauses"]}
        # eId → curated key, as the grouping says; the official text's own keys otherwise.
        renamed = self.renamed_keys(placement, doc, official)
        old = {
            (c.get("language") or curated.get("language", "en"), c["key"]): c
            for c in curated["clauses"]
        }
        main = official["language"]
        for language, key in old:
            if language == main and key not in keys.values() and key not in official_keys:
                self.problems.append(
                    f"{doc.path}: the curated clause {key} of {curated['symbol']} has no "
                    "official paragraph in the grouping's keys"
                )
        clauses = []
        for c in official["clauses"]:
            c = dict(c, key=renamed.get(c["key"], c["key"]))
            before = old.get((c["language"], c["key"]))
            if before is not None:
                c["proposers"] = before["proposers"]
                c["sources"] = list(dict.fromkeys([*c["sources"], *before["sources"]]))
                c["note"] = _earlier_copy(before["note"])
            clauses.append(c)
        languages = {c["language"] for c in official["clauses"]}
        kept = [c for (language, _), c in old.items() if language not in languages]
        statuses = {o["language"]: o["text_status"] for o in curated.get("other_languages", [])}
        statuses.setdefault(curated.get("language", "en"), curated["text_status"])
        others = list(official["other_languages"])
        for c in kept:
            c.setdefault("language", curated.get("language", "en"))
        for language in dict.fromkeys(c["language"] for c in kept):
            others.append({"language": language, "text_status": statuses.get(language, "partial")})
        positions: dict[str, int] = {}
        for c in kept:
            positions[c["language"]] = positions.get(c["language"], 0) + 1
            c["position"] = positions[c["language"]]
        curated.update(
            {
                "text_status": official["text_status"],
                "language": main,
                "other_languages": others,
                "sources": list(dict.fromkeys([*curated["sources"], *official["sources"]])),
                "note": _with_official_text(curated.get("note")),
                "clauses": clauses + kept,
                "sponsors": curated["sponsors"] or official["sponsors"],
            }
        )
        if official["vote"] is not None:
            vote = curated.get("vote")
            if vote is None:
                curated["vote"] = official["vote"]
            elif sum(len(vote[cast]) for cast in CASTS) < sum(
                len(official["vote"][cast]) for cast in CASTS
            ):
                for cast in CASTS:
                    vote[cast] = official["vote"][cast]
                vote["sources"] = list(
                    dict.fromkeys([*vote["sources"], *official["vote"]["sources"]])
                )

    # A family's order and its keys through time

    def order(self, family: dict) -> None:
        """Revisions in date order, the file's order among revisions of one day; follows
        and rivals given by symbol become labels."""
        revisions = family["revisions"]
        by_symbol = {v["symbol"]: v["label"] for v in revisions if v["symbol"]}
        labels = {v["label"] for v in revisions}
        for v in revisions:
            if v.get("follows") and v["follows"] not in labels:
                v["follows"] = by_symbol.get(v["follows"], v["follows"])
            v["rivals"] = [
                by_symbol.get(r, r) if r not in labels else r for r in v.get("rivals", [])
            ]
        revisions.sort(key=lambda v: v["date"])

    def carry_keys(self, family: dict | None) -> None:
        """Each official revision takes, for every paragraph the engine matches, the key of
        the same paragraph in the revision it follows (in every language)."""
        if family is None:
            return
        by_label = {v["label"]: v for v in family["revisions"]}
        fresh = self.fresh.get(family["slug"], set())
        done: set[str] = set()

        def visit(v: dict) -> None:
            if v["label"] in done:
                return
            done.add(v["label"])
            previous = by_label.get(v.get("follows") or "")
            # Only between official texts: a curated fragment's keys carry over to an
            # official text only as a person confirmed them (the grouping's `keys`).
            if previous is None or v["label"] not in fresh or not _is_official(previous):
                return
            visit(previous)
            self.inherit(previous, v)

        for v in family["revisions"]:
            visit(v)

    def inherit(self, old: dict, new: dict) -> None:
        language = new["language"]
        if old.get("language", "en") != language:
            return
        old_text = [c for c in old["clauses"] if (c.get("language") or old["language"]) == language]
        new_text = [c for c in new["clauses"] if c["language"] == language]
        comparison = compare_clauses(
            [ClauseInput(c["section"], c["number"], c["text"]) for c in old_text],
            [ClauseInput(c["section"], c["number"], c["text"]) for c in new_text],
        )
        renamed = {}
        for change in comparison.alignment:
            if change.old is None or change.new is None or change.status == Status.REMOVED:
                continue
            renamed[new_text[change.new]["key"]] = old_text[change.old]["key"]
        taken = set(renamed.values())
        for c in new["clauses"]:
            if c["key"] in renamed:
                c["key"] = renamed[c["key"]]
            elif c["key"] in taken:
                # An unmatched paragraph whose own key an inherited one already uses.
                c["key"] = f"{c['key']}-{slugify(new['label'])}"[:100]


def _is_official(revision: dict) -> bool:
    """A revision whose main text is an official UN text."""
    return revision["text_status"] == TextStatus.COMPLETE and any(
        s.startswith("un-akn-") for s in revision["sources"]
    )


# A curated note describes the copy the curators had (often "the available text stops
# mid-word"): beside the official text it is said to be about that copy.
EARLIER_COPY = "On the copy known before the official text: "


OFFICIAL_TEXT_NOTE = (
    "The complete text is the United Nations' official one, from its Akoma Ntoso file; "
    "notes about the text describe the copies known before it."
)


def _with_official_text(note: str | None) -> str:
    """A merged revision's note, saying that the official text came after it."""
    if not note:
        return OFFICIAL_TEXT_NOTE
    if note.endswith(OFFICIAL_TEXT_NOTE):
        return note
    return f"{note} {OFFICIAL_TEXT_NOTE}"


def _earlier_copy(note: str | None) -> str | None:
    if not note or note.startswith(EARLIER_COPY):
        return note
    return EARLIER_COPY + note


def _key(document: str, eid: str) -> str:
    """An official paragraph's own key: its document and its eId ("2042-2012-para-8"). A
    deeply nested eId is shortened, with a digest of the whole so that keys stay unique."""
    key = slugify(f"{document}-{eid}".replace("_", "-"))
    if len(key) <= 100:
        return key
    digest = hashlib.sha1(eid.encode()).hexdigest()[:10]
    return f"{key[:89].rstrip('-')}-{digest}"


def _looks_like_a_state(name: str) -> bool:
    """Whether a sponsor list's unknown entry could be a State's name (misspelt, say) rather
    than a phrase such as "report of the Secretary-General": a State's name is short and
    does not mention the Secretary-General, a committee or a report."""
    lowered = name.lower()
    phrases = ("secretary-general", "committee", "report", "submitted", "pursuant")
    return len(name.split()) <= 6 and not any(p in lowered for p in phrases)


def _number(p: Paragraph) -> str | None:
    return p.number.rstrip(".") if p.number else None


def _without_eid(clause: dict) -> dict:
    return {k: v for k, v in clause.items() if k != "eid"}


def _short_title(title: str) -> str:
    """ "Security Council resolution 2033 (2012) [on enhancing …]" → "Resolution 2033
    (2012): on enhancing …"."""
    match = re.fullmatch(r"(?:Security Council )?[Rr]esolution (.+?) \[(.+)\]", title.strip())
    if match:
        return f"Resolution {match.group(1)}: {match.group(2)}"
    return title.strip()
