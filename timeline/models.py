"""Redline's domain model (DESIGN §3), after Akoma Ntoso's UN profile.

A draft family (`Resolution`, the AKN "Work") has revisions (`Revision`, the "Expression"),
each made of clauses. A clause's `key` follows the same paragraph through every revision
of its family; its `anchor` (`pp3`, `op5`) names its place in one revision.

The honesty fields of DESIGN §2 (text kind, completeness, brackets, text status, date
precision) are part of the data, not of the display, and the database enforces their rules.
Lists that the `unsc-drafts/1` format orders (sponsors, sources, proposers, votes) keep
their order in a `position` column so an export gives back the file that was imported.
"""

import re
import uuid

from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Length, Upper
from django.db.models.lookups import Exact
from django.urls import reverse

from timeline import limits


class DatePrecision(models.TextChoices):
    DAY = "day", "exact day"
    MONTH = "month", "month only"
    APPROXIMATE = "approximate", "approximate"


class SourceKind(models.TextChoices):
    UN_RECORD = "un-record", "UN verbatim record"
    UN_PRESS_RELEASE = "un-press-release", "UN press release"
    UN_DOCUMENT = "un-document", "UN document"
    LEAKED_TEXT = "leaked-text", "leaked text"
    NEWS = "news", "news report"
    ANALYSIS = "analysis", "analysis"
    BLOG = "blog", "blog"


class RevisionStatus(models.TextChoices):
    CIRCULATED = "circulated", "circulated"
    IN_BLUE = "in-blue", "in blue"
    NOT_VOTED = "not-voted", "not put to a vote"
    VETOED = "vetoed", "vetoed"
    NOT_ADOPTED = "not-adopted", "not adopted (too few votes in favour)"
    ADOPTED = "adopted", "adopted"


class TextStatus(models.TextChoices):
    COMPLETE = "complete", "complete text"
    PARTIAL = "partial", "partial text"
    FRAGMENTS = "fragments", "fragments only"
    NONE = "none", "no text available"


class Section(models.TextChoices):
    PREAMBULAR = "preambular", "preambular"
    OPERATIVE = "operative", "operative"
    ANNEX = "annex", "annex"


class Language(models.TextChoices):
    """The languages a revision's text can be stored in (BCP 47): the six official
    languages of the United Nations, and German, into which the UN also translates
    Security Council resolutions."""

    ARABIC = "ar", "العربية"
    CHINESE = "zh", "中文"
    ENGLISH = "en", "English"
    FRENCH = "fr", "Français"
    RUSSIAN = "ru", "Русский"
    SPANISH = "es", "Español"
    GERMAN = "de", "Deutsch"


# Languages written right to left.
RTL_LANGUAGES = frozenset({Language.ARABIC})


def language_direction(language: str) -> str:
    """The HTML `dir` of a text in `language`."""
    return "rtl" if language in RTL_LANGUAGES else "ltr"


class TextKind(models.TextChoices):
    VERBATIM = "verbatim", "verbatim"
    PARAPHRASE = "paraphrase", "reported paraphrase"


class Cast(models.TextChoices):
    IN_FAVOUR = "in_favour", "in favour"
    AGAINST = "against", "against"
    ABSTAINING = "abstaining", "abstaining"


class AmendmentOutcome(models.TextChoices):
    REJECTED = "rejected", "rejected"


def _choices_check(field: str, choices: type[models.TextChoices], name: str):
    return models.CheckConstraint(condition=Q(**{f"{field}__in": choices.values}), name=name)


class Collection(models.Model):
    """The imported collection's own description: one row, the file's header."""

    title = models.CharField(max_length=300)
    description = models.TextField(max_length=limits.DESCRIPTION_CHARACTERS)
    compiled = models.DateField(help_text="When the collection was last compiled.")
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(id=1), name="collection_single_row")]

    def __str__(self) -> str:
        return self.title


def _count_for_country(
    model: type[models.Model], field: str = "country", *, unpublished: Q | None = None
) -> Coalesce:
    """How many `model` rows name the outer country, less those ``unpublished`` picks out
    (the rows of unpublished revisions): a subquery, so counting several relations at
    once does not multiply their joins.

    Counted as all of the country's rows (read from the index on its column alone) less
    the unpublished ones, which are few (drafts in preview), found through their
    revisions: asking each row whether its revision is published cost two lookups a row,
    and this page counts every row of the collection."""
    rows = model.objects.filter(**{field: OuterRef("pk")}).order_by().values(field)
    counted = Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)
    if unpublished is None:
        return counted
    hidden = rows.filter(unpublished).annotate(n=Count("pk")).values("n")
    return counted - Coalesce(Subquery(hidden), 0)


_ISO_CODE = re.compile(r"[A-Za-z]{2}")


class CountryQuerySet(models.QuerySet):
    def with_counts(self) -> "CountryQuerySet":
        """Each country with how many clauses it is credited with (`proposal_count`), amendments
        it proposed, revisions it sponsored, families it holds the pen on and ballots it
        cast, in one query."""
        # Subqueries (`field__in`), not joins: see `_count_for_country`.
        unpublished = Revision.objects.filter(published=False).values("pk")
        return self.annotate(
            proposal_count=_count_for_country(
                Proposer,
                unpublished=Q(clause__in=Clause.objects.filter(revision__in=unpublished)),
            ),
            amendment_count=_count_for_country(
                Amendment, "proposer", unpublished=Q(revision__in=unpublished)
            ),
            sponsorship_count=_count_for_country(
                Sponsorship, unpublished=Q(revision__in=unpublished)
            ),
            penholder_count=_count_for_country(Penholder),
            ballot_count=_count_for_country(
                Ballot, unpublished=Q(vote__in=Vote.objects.filter(revision__in=unpublished))
            ),
        )

    def lookup(self, code: str) -> "Country | None":
        """The country with this ISO code, written in either case; None if there is none
        or `code` is not two letters (no query is made for such an address)."""
        if not _ISO_CODE.fullmatch(code):
            return None
        return self.filter(code=code.upper()).first()


class Country(models.Model):
    code = models.CharField(
        "ISO 3166-1 alpha-2 code", max_length=2, primary_key=True, help_text="GB for the UK."
    )
    name = models.CharField(max_length=100)
    un_name = models.CharField("name in UN records", max_length=200)
    permanent_member = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0, help_text="Order in the collection.")

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["position", "code"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(
                condition=Q(code=Upper("code")) & Q(Exact(Length("code"), 2)),
                name="country_code_alpha2",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("country", args=[self.code.lower()])

    # What the country did in published revisions, in the order its page and its API
    # resource list it (each a page at a time).

    def proposed_clauses(self) -> "ClauseQuerySet":
        """The clauses a source credits to it, in the collection's order."""
        return (
            Clause.objects.filter(
                pk__in=Proposer.objects.filter(country=self).values("clause"),
                revision__published=True,
            )
            .select_related("revision__resolution")
            .order_by("revision__resolution__position", "revision__position", "position")
        )

    def moved_amendments(self) -> models.QuerySet:
        """The amendments it moved, with their sources, by date."""
        return (
            Amendment.objects.filter(proposer=self, revision__published=True)
            .select_related("revision__resolution")
            .prefetch_related(
                models.Prefetch("source_links", AmendmentSource.objects.select_related("source"))
            )
            .order_by("date", "pk")
        )

    def sponsored_drafts(self) -> models.QuerySet:
        """Its sponsorships, in the revisions' date order."""
        return (
            Sponsorship.objects.filter(country=self, revision__published=True)
            .select_related("revision__resolution")
            .order_by("revision__date", "revision__resolution__position", "revision__position")
        )

    def held_pens(self) -> models.QuerySet:
        """The families it held the pen on, in the collection's order."""
        return (
            Penholder.objects.filter(country=self)
            .select_related("resolution")
            .order_by("resolution__position", "resolution__slug")
        )

    def cast_ballots(self) -> models.QuerySet:
        """Its ballots, in the votes' date order."""
        return (
            Ballot.objects.filter(country=self, vote__revision__published=True)
            .select_related("vote__revision__resolution")
            .order_by("vote__date", "vote__revision__resolution__position", "pk")
        )


def _plural(noun: str, count: int) -> str:
    if count == 1:
        return noun
    return noun[:-2] + "es" if noun.endswith("is") else noun + "s"


class SourceQuerySet(models.QuerySet):
    def kind_counts(self) -> list[tuple[str, int]]:
        """How many sources of each kind, most first, as (kind's name, count)."""
        rows = self.values("kind").annotate(count=models.Count("id")).order_by("-count", "kind")
        return [
            (_plural(SourceKind(row["kind"]).label, row["count"]), row["count"]) for row in rows
        ]


class Source(models.Model):
    """Where a text, a proposer, a date or a vote is known from."""

    slug = models.SlugField("id", max_length=100, unique=True)
    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=300)
    url = models.URLField("URL", max_length=1000)
    date = models.DateField(null=True, blank=True, help_text="Publication date, if known.")
    kind = models.CharField(max_length=20, choices=SourceKind.choices)
    note = models.TextField(blank=True, max_length=limits.NOTE_CHARACTERS)
    position = models.PositiveIntegerField(default=0, help_text="Order in the collection.")

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        constraints = [_choices_check("kind", SourceKind, "source_kind_valid")]

    def __str__(self) -> str:
        return f"{self.publisher}: {self.title}"


class Event(models.Model):
    """Dated context on the timeline (votes and meetings belong to revisions)."""

    date = models.DateField()
    date_precision = models.CharField(
        max_length=11,
        choices=[(DatePrecision.DAY, "exact day"), (DatePrecision.MONTH, "month only")],
        default=DatePrecision.DAY,
    )
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True, max_length=limits.DESCRIPTION_CHARACTERS)
    sources = models.ManyToManyField(Source, through="EventSource", related_name="events")
    position = models.PositiveIntegerField(default=0, help_text="Order in the collection.")

    class Meta:
        ordering = ["date", "position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_precision__in=[DatePrecision.DAY, DatePrecision.MONTH]),
                name="event_date_precision_valid",
            ),
            models.UniqueConstraint(fields=["date", "title"], name="event_unique_date_title"),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.title}"


class ResolutionQuerySet(models.QuerySet):
    def with_revisions(self) -> "ResolutionQuerySet":
        """Each family with its revisions in date order, their sponsors and votes."""
        return self.prefetch_related(
            models.Prefetch(
                "revisions",
                Revision.objects.published().in_date_order().with_details(),
            ),
            models.Prefetch("penholder_set", Penholder.objects.select_related("country")),
        )

    def for_timeline(self) -> "ResolutionQuerySet":
        """Families with everything the timeline shows of their revisions: sponsors, votes
        and clauses with their proposers (for change summaries and country filters)."""
        return self.prefetch_related(
            models.Prefetch(
                "revisions",
                Revision.objects.published()
                .in_date_order()
                .with_details()
                .prefetch_related(
                    models.Prefetch("rivals", Revision.objects.only("pk")),
                    models.Prefetch(
                        "clauses",
                        Clause.objects.in_main_language()
                        .order_by("position")
                        .prefetch_related("proposers"),
                    ),
                ),
            ),
        )


class Resolution(models.Model):
    """A draft family: a text through its revisions, with the rival drafts beside it."""

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True, max_length=limits.DESCRIPTION_CHARACTERS)
    penholders = models.ManyToManyField(
        Country, through="Penholder", related_name="penned_resolutions", blank=True
    )
    position = models.PositiveIntegerField(default=0, help_text="Order in the collection.")

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = "draft family"
        verbose_name_plural = "draft families"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resolution", args=[self.slug])


class RevisionQuerySet(models.QuerySet):
    def published(self) -> "RevisionQuerySet":
        """What readers see: revisions an editor has not held back as drafts."""
        return self.filter(published=True)

    def visible_to(self, user) -> "RevisionQuerySet":
        """Published revisions, and for staff also drafts, which they preview."""
        return self if user.is_staff else self.published()

    def with_part_of(
        self, country: "Country", role: str = "any", *, any_language: bool = False
    ) -> "RevisionQuerySet":
        """Revisions in which `country` took `role`: "sponsor", "proposer" (of a clause:
        in the revision's main language, as the timeline reads clauses, or with
        `any_language` in any of its languages), "voter", or "any" of them."""
        proposals = Proposer.objects.filter(clause__revision=OuterRef("pk"), country=country)
        if not any_language:
            proposals = proposals.filter(clause__language=OuterRef("language"))
        parts = {
            "sponsor": Exists(Sponsorship.objects.filter(revision=OuterRef("pk"), country=country)),
            "proposer": Exists(proposals),
            "voter": Exists(Ballot.objects.filter(vote__revision=OuterRef("pk"), country=country)),
        }
        if role != "any":
            return self.filter(parts[role])
        return self.filter(parts["sponsor"] | parts["proposer"] | parts["voter"])

    def in_date_order(self) -> "RevisionQuerySet":
        """Chronological as far as known: by date, then by the family's own order."""
        return self.order_by("date", "resolution__position", "position")

    def with_details(self) -> "RevisionQuerySet":
        """Everything a revision's listing shows, in a fixed number of queries."""
        return self.select_related("resolution", "vote").prefetch_related(
            models.Prefetch("sponsorships", Sponsorship.objects.select_related("country")),
            models.Prefetch("vote__ballots", Ballot.objects.select_related("country")),
        )

    def with_clause(self, key: str) -> "RevisionQuerySet":
        """Each revision with its versions of the clause `key` as `keyed_clauses` (none, or
        one per language, the main language's first) with their provenance, and every
        main-language clause's key
        and position as `clause_keys`, which tell how far a partial text reaches."""
        return self.prefetch_related(
            models.Prefetch(
                "clauses",
                # Its version in the revision's main language first, else in another
                # language (a draft known only from a quotation in French, say).
                Clause.objects.filter(key=key)
                .annotate(
                    in_other_language=models.Case(
                        models.When(language=models.F("revision__language"), then=0),
                        default=1,
                    )
                )
                .order_by("in_other_language", "language")
                .with_provenance(),
                to_attr="keyed_clauses",
            ),
            models.Prefetch(
                "clauses",
                Clause.objects.in_main_language().only("revision", "key", "position"),
                to_attr="clause_keys",
            ),
        )


class Revision(models.Model):
    """One version of a draft family's text (or a rival draft within the family)."""

    resolution = models.ForeignKey(
        Resolution, on_delete=models.PROTECT, related_name="revisions", verbose_name="family"
    )
    position = models.PositiveIntegerField(help_text="Order within the family, from 1.")
    label = models.CharField(max_length=100, help_text="Short name, e.g. “v3 (1 Feb 19:00)”.")
    slug = models.SlugField(max_length=100, help_text="The revision's part of its URL.")
    date = models.DateField()
    date_precision = models.CharField(
        max_length=11,
        choices=[(DatePrecision.DAY, "exact day"), (DatePrecision.APPROXIMATE, "approximate")],
        default=DatePrecision.DAY,
    )
    date_note = models.TextField(
        blank=True, max_length=limits.NOTE_CHARACTERS, help_text="How the date is known."
    )
    symbol = models.CharField(
        "document symbol", max_length=50, null=True, blank=True, help_text="e.g. S/2012/77"
    )
    status = models.CharField(max_length=12, choices=RevisionStatus.choices)
    text_status = models.CharField(
        max_length=10, choices=TextStatus.choices, help_text="How much of the main text is known."
    )
    language = models.CharField(
        max_length=5,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text="The language of the main text, which readers see first and compare in.",
    )
    note = models.TextField(blank=True, max_length=limits.NOTE_CHARACTERS)
    follows = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="followed_by",
        help_text="The revision of the family this one continues (its predecessor).",
    )
    rivals = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=True,
        help_text="Competing drafts on the same question: never one another's predecessor.",
    )
    published = models.BooleanField(
        default=True,
        help_text="Shown to readers. A revision being prepared is saved unpublished and "
        "published once checked.",
    )
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Raised by every save; refuses stale edits."
    )
    updated_at = models.DateTimeField(auto_now=True)
    sponsors = models.ManyToManyField(
        Country, through="Sponsorship", related_name="sponsored_revisions", blank=True
    )
    sources = models.ManyToManyField(Source, through="RevisionSource", related_name="revisions")

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["resolution__position", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "position"], name="revision_unique_position"
            ),
            models.UniqueConstraint(fields=["resolution", "label"], name="revision_unique_label"),
            models.UniqueConstraint(fields=["resolution", "slug"], name="revision_unique_slug"),
            models.UniqueConstraint(
                fields=["symbol"], condition=Q(symbol__isnull=False), name="revision_unique_symbol"
            ),
            models.CheckConstraint(condition=Q(position__gte=1), name="revision_position_gte_1"),
            models.CheckConstraint(
                condition=Q(date_precision__in=[DatePrecision.DAY, DatePrecision.APPROXIMATE]),
                name="revision_date_precision_valid",
            ),
            models.CheckConstraint(
                condition=~Q(date_precision=DatePrecision.APPROXIMATE) | ~Q(date_note=""),
                name="revision_approximate_date_has_note",
                violation_error_message="An approximate date needs a note saying how it is "
                "known (e.g. “AFP says 16 Jan, RIA 17 Jan”).",
            ),
            models.CheckConstraint(condition=~Q(symbol=""), name="revision_symbol_not_blank"),
            models.CheckConstraint(
                condition=~Q(follows=models.F("pk")), name="revision_does_not_follow_itself"
            ),
            _choices_check("language", Language, "revision_language_valid"),
            _choices_check("status", RevisionStatus, "revision_status_valid"),
            _choices_check("text_status", TextStatus, "revision_text_status_valid"),
        ]
        # The few revisions in preview, found without reading the rest: counts of what
        # is published subtract what these hold (`CountryQuerySet.with_counts`).
        indexes = [
            models.Index(fields=["id"], condition=Q(published=False), name="revision_unpublished")
        ]

    def __str__(self) -> str:
        return f"{self.resolution.title} — {self.label}"

    def get_absolute_url(self) -> str:
        return reverse("revision", args=[self.resolution.slug, self.slug])

    @property
    def date_is_approximate(self) -> bool:
        return self.date_precision == DatePrecision.APPROXIMATE


class LanguageVersion(models.Model):
    """A revision's text in a language other than its main one (AKN's "expression"): the
    United Nations publishes each document in six languages, and a source may give a draft
    in one language only. The main language's text status is the revision's own."""

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="other_languages")
    language = models.CharField(max_length=5, choices=Language.choices)
    text_status = models.CharField(max_length=10, choices=TextStatus.choices)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["revision", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "language"], name="language_version_unique_language"
            ),
            _choices_check("language", Language, "language_version_language_valid"),
            _choices_check("text_status", TextStatus, "language_version_text_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.revision.label} ({self.get_language_display()})"

    @property
    def direction(self) -> str:
        return language_direction(self.language)


class ClauseQuerySet(models.QuerySet):
    def in_main_language(self) -> "ClauseQuerySet":
        """Each revision's clauses in its main language, which readers see first and
        every comparison uses unless a reader picks another language both texts have."""
        return self.filter(language=models.F("revision__language"))

    def with_provenance(self) -> "ClauseQuerySet":
        """Clauses with their proposers (country, source) and sources, in a fixed number of
        queries."""
        return self.prefetch_related(
            models.Prefetch("proposers", Proposer.objects.select_related("country", "source")),
            models.Prefetch("source_links", ClauseSource.objects.select_related("source")),
        )

    def search(self, query: str) -> "ClauseQuerySet":
        """Clauses whose text matches a reader's query word for word (web-search syntax:
        "a phrase", or, -word), best match first, annotated with `rank`
        (see `timeline.search.clauses_matching`, where the rules live)."""
        from timeline.search import clauses_matching

        return clauses_matching(self, query)

    def in_date_order(self) -> "ClauseQuerySet":
        """In their revisions' chronological order (see `RevisionQuerySet.in_date_order`)."""
        return self.order_by(
            "revision__date", "revision__resolution__position", "revision__position"
        )


class Clause(models.Model):
    """A paragraph of a revision, or the part of it that a source quotes."""

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="clauses")
    key = models.SlugField(
        max_length=100,
        help_text="Shared by the same paragraph in every revision of the family; "
        "never changes when the paragraph is renumbered or moved.",
    )
    section = models.CharField(max_length=10, choices=Section.choices)
    number = models.CharField(
        max_length=30,
        null=True,
        blank=True,
        help_text="The paragraph's label exactly as printed (pp9bis, OP 9, 1); empty if none.",
    )
    position = models.PositiveIntegerField(
        help_text="Order within the revision's text in its language, from 1."
    )
    anchor = models.SlugField(
        max_length=40, help_text="The paragraph's place in this revision: pp3, op5, op5a."
    )
    language = models.CharField(
        max_length=5,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text="The language of the text: the revision's main language or one of its "
        "other language versions.",
    )
    text = models.TextField(max_length=limits.CLAUSE_CHARACTERS)
    text_kind = models.CharField(max_length=10, choices=TextKind.choices)
    complete = models.BooleanField(help_text="The whole paragraph, not a part of it.")
    bracketed = models.BooleanField(help_text="Shows square-bracketed, not yet agreed text.")
    note = models.TextField(blank=True, max_length=limits.NOTE_CHARACTERS)
    sources = models.ManyToManyField(Source, through="ClauseSource", related_name="clauses")

    objects = ClauseQuerySet.as_manager()

    class Meta:
        ordering = ["revision", "language", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "language", "position"], name="clause_unique_position"
            ),
            models.UniqueConstraint(
                fields=["revision", "language", "key"], name="clause_unique_key"
            ),
            models.UniqueConstraint(
                fields=["revision", "language", "anchor"], name="clause_unique_anchor"
            ),
            _choices_check("language", Language, "clause_language_valid"),
            models.CheckConstraint(condition=Q(position__gte=1), name="clause_position_gte_1"),
            models.CheckConstraint(
                condition=~Q(text=""),
                name="clause_text_not_empty",
                violation_error_message="A clause needs its text.",
            ),
            models.CheckConstraint(condition=~Q(number=""), name="clause_number_not_blank"),
            models.CheckConstraint(
                condition=~Q(text_kind=TextKind.PARAPHRASE, complete=True),
                name="clause_paraphrase_is_never_complete",
                violation_error_message="A reported paraphrase is never a complete paragraph: "
                "untick “complete”.",
            ),
            _choices_check("section", Section, "clause_section_valid"),
            _choices_check("text_kind", TextKind, "clause_text_kind_valid"),
        ]
        indexes = [models.Index(fields=["key"], name="clause_key_idx")]

    def __str__(self) -> str:
        return f"{self.revision.label} {self.anchor}: {self.text[:60]}"

    def save(self, *args, **kwargs) -> None:
        if not self.anchor:
            # A unique placeholder until revision_refresh_anchors() names its place; an
            # empty anchor would collide with the next new clause.
            self.anchor = f"new-{uuid.uuid4().hex[:12]}"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The clause in its revision's page, in its own language."""
        revision = self.revision
        query = "" if self.language == revision.language else f"?lang={self.language}"
        return f"{revision.get_absolute_url()}{query}#{self.anchor}"

    @property
    def is_paraphrase(self) -> bool:
        return self.text_kind == TextKind.PARAPHRASE

    @property
    def direction(self) -> str:
        return language_direction(self.language)

    @property
    def reader_name(self) -> str:
        """The clause as a reader would name it, never by its anchor: "operative paragraph
        5", "preambular paragraph 3", "annex", or "a quoted fragment of the preamble" when
        its place in the draft is unknown."""
        part = {Section.PREAMBULAR: "preamble", Section.OPERATIVE: "operative part"}.get(
            self.section, "annex"
        )
        if "fragment" in self.anchor:
            return f"a quoted fragment of the {part}"
        if self.section == Section.ANNEX:
            return f"annex, paragraph {self.number}" if self.number else "annex"
        kind = "preambular" if self.section == Section.PREAMBULAR else "operative"
        place = self.number or (self.anchor[2:] if self.anchor[:2] in ("pp", "op") else self.anchor)
        return f"{kind} paragraph {place}"


class Proposer(models.Model):
    """A country credited with a clause, recorded only with the source that says so."""

    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="proposers")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="proposals")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="proposer_credits")
    quote = models.TextField(
        max_length=limits.CLAUSE_CHARACTERS,
        help_text="The source's own words crediting the country.",
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["clause", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["clause", "country", "source"], name="proposer_unique_credit"
            ),
            models.CheckConstraint(condition=~Q(quote=""), name="proposer_quote_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.country} (per {self.source.slug})"


class CountryTally(models.Model):
    """What a country did, counted at one content version, for the countries page
    (`timeline.country_tallies` keeps it; no editor writes it)."""

    country = models.OneToOneField(
        Country, primary_key=True, on_delete=models.CASCADE, related_name="tally"
    )
    version = models.CharField(max_length=64, help_text="The content version counted at.")
    proposal_count = models.PositiveIntegerField()
    amendment_count = models.PositiveIntegerField()
    sponsorship_count = models.PositiveIntegerField()
    penholder_count = models.PositiveIntegerField()
    ballot_count = models.PositiveIntegerField()
    council_years = models.JSONField(default=list)

    class Meta:
        verbose_name_plural = "country tallies"

    def __str__(self) -> str:
        return f"{self.country_id} at {self.version}"


class Vote(models.Model):
    revision = models.OneToOneField(Revision, on_delete=models.CASCADE, related_name="vote")
    date = models.DateField()
    meeting = models.CharField(max_length=30, help_text="S/PV symbol, e.g. S/PV.6711.")
    adopted = models.BooleanField()
    resolution_number = models.CharField(
        max_length=30, null=True, blank=True, help_text="e.g. 2042 (2012)."
    )
    members = models.ManyToManyField(Country, through="Ballot", related_name="votes")
    sources = models.ManyToManyField(Source, through="VoteSource", related_name="votes")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(adopted=True) | Q(resolution_number__isnull=True),
                name="vote_only_adopted_has_resolution_number",
            ),
            models.CheckConstraint(
                condition=~Q(resolution_number=""), name="vote_resolution_number_not_blank"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} ({'adopted' if self.adopted else 'not adopted'})"

    # A Council of 15 members: fewer named ballots means the sources do not name them all.
    COUNCIL_SIZE = 15

    def ballots_by_cast(self) -> dict[str, list["Ballot"]]:
        """The named members' ballots grouped as in favour, against, abstaining (uses the
        prefetched ballots)."""
        groups: dict[str, list[Ballot]] = {cast: [] for cast in Cast.values}
        for ballot in sorted(self.ballots.all(), key=lambda b: b.position):
            groups[ballot.cast].append(ballot)
        return groups

    @property
    def was_vetoed(self) -> bool:
        """A permanent member's vote against defeats a draft only when it is a veto, as the
        revision's status records: a draft short of nine votes in favour (S/2023/507) fails
        without one, whoever votes against it."""
        return not self.adopted and self.revision.status == RevisionStatus.VETOED

    def vetoed_by(self) -> list["Country"]:
        """Permanent members voting against a vetoed draft."""
        if not self.was_vetoed:
            return []
        return [
            b.country
            for b in self.ballots.all()
            if b.cast == Cast.AGAINST and b.country.permanent_member
        ]

    def members_named(self) -> int:
        return len(self.ballots.all())

    def all_members_named(self) -> bool:
        return self.members_named() >= self.COUNCIL_SIZE


class Ballot(models.Model):
    """One Council member's vote, named only where a source names it."""

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="ballots")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="ballots")
    cast = models.CharField(max_length=10, choices=Cast.choices)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["vote", "cast", "position"]
        verbose_name = "member's vote"
        constraints = [
            models.UniqueConstraint(fields=["vote", "country"], name="ballot_one_per_member"),
            _choices_check("cast", Cast, "ballot_cast_valid"),
        ]
        # A country's ballots and the votes they belong to, read from the index alone:
        # the countries page counts every country's ballots and its Council years.
        indexes = [models.Index(fields=["country", "vote"], name="ballot_country_vote")]

    def __str__(self) -> str:
        return f"{self.country}: {self.get_cast_display()}"

    @property
    def is_veto(self) -> bool:
        """A permanent member's vote against a vetoed draft (see `Vote.was_vetoed`)."""
        return self.cast == Cast.AGAINST and self.country.permanent_member and self.vote.was_vetoed


class Amendment(models.Model):
    """An amendment proposed to a revision and not adopted."""

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="amendments")
    proposer = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="amendments")
    date = models.DateField()
    target = models.CharField(max_length=50, help_text="The paragraph as the source labels it.")
    text = models.TextField(max_length=limits.CLAUSE_CHARACTERS)
    outcome = models.CharField(max_length=10, choices=AmendmentOutcome.choices)
    sources = models.ManyToManyField(Source, through="AmendmentSource", related_name="amendments")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["revision", "position"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="amendment_text_not_empty"),
            _choices_check("outcome", AmendmentOutcome, "amendment_outcome_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.proposer} on {self.target}"


# Ordered links. Each keeps the order the collection gives and refuses duplicates.


class Penholder(models.Model):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE)
    country = models.ForeignKey(Country, on_delete=models.PROTECT)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "country"], name="penholder_unique")
        ]

    def __str__(self) -> str:
        return str(self.country)


class Sponsorship(models.Model):
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="sponsorships")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="sponsorships")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "country"], name="sponsorship_unique")
        ]
        # As for ballots: a country's sponsorships counted from the index alone.
        indexes = [
            models.Index(fields=["country", "revision"], name="sponsorship_country_revision")
        ]

    def __str__(self) -> str:
        return str(self.country)


class SourceLink(models.Model):
    source = models.ForeignKey(Source, on_delete=models.PROTECT)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position"]

    def __str__(self) -> str:
        return self.source.slug


class EventSource(SourceLink):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="source_links")

    class Meta(SourceLink.Meta):
        constraints = [
            models.UniqueConstraint(fields=["event", "source"], name="event_source_unique")
        ]


class RevisionSource(SourceLink):
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="source_links")

    class Meta(SourceLink.Meta):
        constraints = [
            models.UniqueConstraint(fields=["revision", "source"], name="revision_source_unique")
        ]


class ClauseSource(SourceLink):
    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="source_links")

    class Meta(SourceLink.Meta):
        constraints = [
            models.UniqueConstraint(fields=["clause", "source"], name="clause_source_unique")
        ]


class VoteSource(SourceLink):
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="source_links")

    class Meta(SourceLink.Meta):
        constraints = [
            models.UniqueConstraint(fields=["vote", "source"], name="vote_source_unique")
        ]


class AmendmentSource(SourceLink):
    amendment = models.ForeignKey(Amendment, on_delete=models.CASCADE, related_name="source_links")

    class Meta(SourceLink.Meta):
        constraints = [
            models.UniqueConstraint(fields=["amendment", "source"], name="amendment_source_unique")
        ]
