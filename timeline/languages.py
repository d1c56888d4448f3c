"""The languages a revision's text exists in, and which one a page shows.

A revision has a main language (its `language`, with its `text_status`) and may have
versions in other languages (`LanguageVersion`). Pages show the main language unless the
reader asks for another with `?lang=`; a comparison is always between two texts in one
language, never an English text against an Arabic one.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.http import QueryDict

from timeline.models import Language, Revision, language_direction

PARAMETER = "lang"


@dataclass(frozen=True)
class TextVersion:
    """One language a revision's text exists in, and how much of it is known."""

    language: str
    text_status: str
    main: bool

    @property
    def name(self) -> str:
        """The language's name in itself ("العربية"), as language pickers show it."""
        return Language(self.language).label

    @property
    def english_name(self) -> str:
        return _ENGLISH_NAMES[self.language]

    @property
    def direction(self) -> str:
        return language_direction(self.language)


_ENGLISH_NAMES = {
    Language.ARABIC: "Arabic",
    Language.CHINESE: "Chinese",
    Language.ENGLISH: "English",
    Language.FRENCH: "French",
    Language.RUSSIAN: "Russian",
    Language.SPANISH: "Spanish",
    Language.GERMAN: "German",
}


class LanguageError(ValueError):
    """A `lang` parameter the page cannot honour; the message says why, for a 400."""


def text_versions(revision: Revision) -> list[TextVersion]:
    """The revision's languages, main first (`other_languages` should be prefetched)."""
    return [
        TextVersion(revision.language, revision.text_status, main=True),
        *(
            TextVersion(o.language, o.text_status, main=False)
            for o in revision.other_languages.all()
        ),
    ]


def chosen_language(query: QueryDict, revisions: Sequence[Revision]) -> str:
    """The language a page about `revisions` shows: `?lang=` if given, which every one of
    them must have; otherwise the first one's main language if all have it, else the first
    language they share. Raises LanguageError for a bad or unavailable `lang`, or when the
    revisions share no language (then nothing can be compared)."""
    common = common_languages(revisions)
    values = query.getlist(PARAMETER)
    if values:
        if len(values) > 1 or values[0] not in Language.values:
            known = ", ".join(f"“{code}”" for code in Language.values)
            raise LanguageError(f"The “{PARAMETER}” option must be given once, as one of {known}.")
        if values[0] not in common:
            raise LanguageError(
                f"This text is not available in {_ENGLISH_NAMES[values[0]]}"
                + (f"; it is in {', '.join(_ENGLISH_NAMES[c] for c in common)}." if common else ".")
            )
        return values[0]
    if not common:
        raise LanguageError("These texts have no language in common.")
    return common[0]


def default_language(revisions: Sequence[Revision]) -> str | None:
    """The language a page about `revisions` shows when the reader picks none, or None
    when they share no language."""
    common = common_languages(revisions)
    return common[0] if common else None


def common_languages(revisions: Sequence[Revision]) -> list[str]:
    """The languages every revision has, in the first revision's order (main first)."""
    if not revisions:
        return []
    languages = [v.language for v in text_versions(revisions[0])]
    for revision in revisions[1:]:
        theirs = {v.language for v in text_versions(revision)}
        languages = [code for code in languages if code in theirs]
    return languages


def language_name(code: str) -> str:
    """A language's English name, for sentences ("in Arabic")."""
    return _ENGLISH_NAMES.get(code, code)
