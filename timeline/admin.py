"""The editors' admin: every model registered, clauses inline under their revision.

Countries and sources are chosen by autocomplete from the controlled lists, never typed.
Anchors are derived (see timeline.naming) and refreshed whenever a revision's clauses
are saved, so they are shown, not edited.
"""

from functools import partial

from django.contrib import admin
from django.urls import path

from timeline.admin_paste import revision_paste
from timeline.models import (
    Amendment,
    AmendmentSource,
    Ballot,
    Clause,
    ClauseSource,
    Collection,
    Country,
    Event,
    EventSource,
    Penholder,
    Proposer,
    Resolution,
    Revision,
    RevisionSource,
    Source,
    Sponsorship,
    Vote,
    VoteSource,
)
from timeline.services import revision_refresh_anchors


class OrderedInline(admin.TabularInline):
    extra = 0
    fields = ["position"]


class SourceLinkInline(OrderedInline):
    autocomplete_fields = ["source"]
    fields = ["source", "position"]
    verbose_name = "source"
    verbose_name_plural = "sources"


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["title", "compiled", "imported_at"]
    readonly_fields = ["imported_at"]

    def has_add_permission(self, request) -> bool:
        return not Collection.objects.exists() and super().has_add_permission(request)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "un_name", "permanent_member"]
    list_filter = ["permanent_member"]
    search_fields = ["code", "name", "un_name"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["slug", "title", "publisher", "kind", "date"]
    list_filter = ["kind"]
    search_fields = ["slug", "title", "publisher", "url"]
    date_hierarchy = "date"


class EventSourceInline(SourceLinkInline):
    model = EventSource


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["date", "date_precision", "title"]
    search_fields = ["title", "description"]
    inlines = [EventSourceInline]


class PenholderInline(OrderedInline):
    model = Penholder
    autocomplete_fields = ["country"]
    fields = ["country", "position"]


class RevisionInline(admin.TabularInline):
    model = Revision
    fields = ["position", "label", "date", "date_precision", "symbol", "status", "text_status"]
    show_change_link = True
    extra = 0
    can_delete = False
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Resolution)
class ResolutionAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "position"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PenholderInline, RevisionInline]


class SponsorshipInline(OrderedInline):
    model = Sponsorship
    autocomplete_fields = ["country"]
    fields = ["country", "position"]


class RevisionSourceInline(SourceLinkInline):
    model = RevisionSource


class ClauseInline(admin.StackedInline):
    model = Clause
    extra = 0
    fields = [
        ("position", "section", "number", "anchor"),
        "key",
        "text",
        ("text_kind", "complete", "bracketed"),
        "note",
    ]
    readonly_fields = ["anchor"]
    show_change_link = True


class AmendmentInline(admin.StackedInline):
    model = Amendment
    extra = 0
    autocomplete_fields = ["proposer"]
    show_change_link = True


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["label", "resolution", "date", "date_precision", "status", "text_status"]
    list_filter = ["resolution", "status", "text_status", "date_precision"]
    list_select_related = ["resolution"]
    search_fields = ["label", "symbol", "note"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["label"]}
    fieldsets = [
        (None, {"fields": ["resolution", ("position", "label", "slug"), "symbol"]}),
        ("Date", {"fields": [("date", "date_precision"), "date_note"]}),
        ("Status", {"fields": [("status", "text_status"), "note"]}),
    ]
    inlines = [SponsorshipInline, RevisionSourceInline, ClauseInline, AmendmentInline]

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        revision_refresh_anchors(revision=form.instance)

    def get_urls(self):
        # "Paste the text" (timeline.admin_paste) comes first: the change view's own
        # pattern would otherwise take its address.
        paste = self.admin_site.admin_view(partial(revision_paste, model_admin=self))
        return [
            path("<path:object_id>/paste/", paste, name="timeline_revision_paste"),
            *super().get_urls(),
        ]


class ProposerInline(OrderedInline):
    model = Proposer
    autocomplete_fields = ["country", "source"]
    fields = ["country", "source", "quote", "position"]


class ClauseSourceInline(SourceLinkInline):
    model = ClauseSource


@admin.register(Clause)
class ClauseAdmin(admin.ModelAdmin):
    list_display = ["anchor", "key", "revision", "section", "number", "text_kind", "complete"]
    list_filter = ["section", "text_kind", "complete", "bracketed", "revision__resolution"]
    list_select_related = ["revision__resolution"]
    search_fields = ["key", "text", "note"]
    autocomplete_fields = ["revision"]
    readonly_fields = ["anchor"]
    inlines = [ProposerInline, ClauseSourceInline]

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        revision_refresh_anchors(revision=form.instance.revision)


class BallotInline(OrderedInline):
    model = Ballot
    autocomplete_fields = ["country"]
    fields = ["country", "cast", "position"]


class VoteSourceInline(SourceLinkInline):
    model = VoteSource


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ["meeting", "revision", "date", "adopted", "resolution_number"]
    list_select_related = ["revision__resolution"]
    autocomplete_fields = ["revision"]
    search_fields = ["meeting", "resolution_number"]
    inlines = [BallotInline, VoteSourceInline]


class AmendmentSourceInline(SourceLinkInline):
    model = AmendmentSource


@admin.register(Amendment)
class AmendmentAdmin(admin.ModelAdmin):
    list_display = ["target", "proposer", "revision", "date", "outcome"]
    list_select_related = ["proposer", "revision__resolution"]
    autocomplete_fields = ["revision", "proposer"]
    search_fields = ["target", "text"]
    inlines = [AmendmentSourceInline]
