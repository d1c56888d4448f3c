"""What each country did, counted: the figures of the countries page, kept in a table of
their own so that reading them does not cost more as the collection grows.

Counting every clause credit, sponsorship, pen and ballot of the collection grew with it
(the countries page: 63 ms on the story, 102-113 ms on twenty times it on PostgreSQL, two
thirds of that in these counts). The counts change only when the collection does, so they
are counted after each write instead (`refresh`), and kept with the content version they
were counted at (`timeline.versions`). A reader is given them only while that version is
the current one; at any other version (a write whose refresh has not run yet, or a write
made without the ORM's signals) the counts are made live, as before: never a stale figure.

The table is not one of the tables whose writes advance the version
(`timeline.versions.UNTRACKED`): refreshing it changes no page but the counts' own.
"""

from __future__ import annotations

from collections import defaultdict

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.db import connection, connections, transaction
from django.db.models.functions import ExtractYear
from django.db.models.signals import m2m_changed, post_save

from timeline import versions
from timeline.models import Country, CountryTally, Vote

# The counts a country carries, as `CountryQuerySet.with_counts` names them, and as the
# tally's fields hold them.
COUNTS = (
    "proposal_count",
    "amendment_count",
    "sponsorship_count",
    "penholder_count",
    "ballot_count",
)


class _Year(ExtractYear):
    """A date's year, computed by the database on every backend: Django's `ExtractYear`
    calls back into Python for each row on SQLite, which stores a date as its ISO text."""

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(SUBSTR({sql}, 1, 4) AS integer)", params


def counted_countries() -> list[Country]:
    """Every country in the collection's order, each with its counts (the attributes
    `COUNTS` names) and `council_years`, the years of the published votes it cast a
    ballot in, ascending: from the tally where it was counted at the current version,
    else counted now."""
    version = versions.current().token
    rows = list(Country.objects.select_related("tally"))
    tallies = [_current_tally(country, version) for country in rows]
    if all(tallies):
        for country, tally in zip(rows, tallies, strict=True):
            for name in COUNTS:
                setattr(country, name, getattr(tally, name))
            country.council_years = list(tally.council_years)
        return rows
    return _counted_now()


def known_counts(country: Country) -> dict[str, int] | None:
    """The country's counts (`COUNTS`) from its tally where they were counted at the
    current version, else None (the caller counts): one query, for the version, with the
    tally read along with the country (`select_related("tally")`)."""
    tally = _current_tally(country, versions.current().token)
    if tally is None:
        return None
    return {name: getattr(tally, name) for name in COUNTS}


def _current_tally(country: Country, version: str) -> CountryTally | None:
    """The country's tally if it was counted at `version`, else None."""
    try:
        tally = country.tally
    except CountryTally.DoesNotExist:
        return None
    return tally if tally.version == version else None


def _counted_now() -> list[Country]:
    members_by_year: dict[str, set[int]] = defaultdict(set)
    # From the published votes to their ballots (the outer join keeps that order), each
    # vote's year found once rather than once per ballot.
    votes = Vote.objects.filter(revision__published=True).order_by().annotate(year=_Year("date"))
    for code, year in votes.values_list("ballots__country_id", "year").distinct():
        if code is not None:  # a vote with no ballot named
            members_by_year[code].add(year)
    rows = list(Country.objects.with_counts())
    for country in rows:
        country.council_years = sorted(members_by_year[country.code])
    return rows


def refresh() -> bool:
    """Count again and keep the counts under the version they were counted at. Returns
    whether they were kept: not if a write landed while counting (the counts might then
    mix two states; the next write's refresh, or a reader counting live, covers it)."""
    with transaction.atomic():
        before = versions.current()
        rows = _counted_now()
        after = versions.current()
        if before != after:
            return False
        CountryTally.objects.all().delete()
        CountryTally.objects.bulk_create(
            CountryTally(
                country=country,
                version=before.token,
                council_years=country.council_years,
                **{name: getattr(country, name) for name in COUNTS},
            )
            for country in rows
        )
    return True


def refresh_after_commit() -> None:
    """`refresh` once the current transaction commits (at once outside one), once however
    many writes ask for it: a whole import, or an admin save with its inlines. (A
    transaction rolled back, or its savepoint, takes the request with it: Django drops
    its commit callbacks.)"""
    if any(callback is _refresh_now for _, callback, _ in connection.run_on_commit):
        return
    # Robust: counting failing (the database gone just after the commit) must not turn a
    # save that was made into an error; readers count live until the next refresh.
    transaction.on_commit(_refresh_now, robust=True)


def _refresh_now() -> None:
    refresh()


def _changed(sender, **kwargs) -> None:
    refresh_after_commit()


def connect() -> None:
    """Refresh the counts after the writes that go through the ORM one object at a time:
    saves of the collection's models, and every change made in the admin, deletions
    included, which the admin's history records as it makes them. Not on deletion
    signals: a receiver of those would make Django read every row of a bulk delete to
    send them. The importer, whose writes are in bulk, asks itself; any other write
    leaves the counts at an old version, so they are counted live until the next refresh."""
    for model in apps.get_app_config("timeline").get_models(include_auto_created=True):
        if model is not CountryTally:
            post_save.connect(_changed, sender=model, dispatch_uid=f"tally-{model._meta.label}")
    post_save.connect(_changed, sender=LogEntry, dispatch_uid="tally-admin-log")
    m2m_changed.connect(_changed_m2m, dispatch_uid="tally-m2m")


def _changed_m2m(sender, **kwargs) -> None:
    if sender._meta.app_label == "timeline":
        refresh_after_commit()


def refresh_after_migrate(using: str = "default", **kwargs) -> None:
    """Count after ``migrate`` (a database made before the tally, or a schema changed),
    so that the first reader does not count live."""
    if CountryTally._meta.db_table in connections[using].introspection.table_names():
        refresh()
