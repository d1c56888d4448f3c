"""The editors' admin: every model registered, clauses inline under their revision.

Countries and sources are chosen by autocomplete from the controlled lists, never typed.
Anchors are derived (see timeline.naming) and refreshed whenever a revision's clauses
are saved, so they are shown, not edited.
"""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.shortcuts import redirect
from django.template.defaultfilters import pluralize
from django.urls import path, reverse
from django.utils.html import format_html

from timeline.admin_paste import revision_paste
from timeline.comparisons import revision_compare
from timeline.diff.clean import composed
from timeline.login_throttle import ThrottledAdminAuthenticationForm
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
    LanguageVersion,
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
from timeline.services import (
    revision_date_warning,
    revision_new_from,
    revision_predecessor,
    revision_refresh_anchors,
)
from timeline.summaries import Side, summarise

admin.site.site_header = "Redline editors"
admin.site.site_title = "Redline editors"
admin.site.index_title = "The collection"
admin.site.login_form = ThrottledAdminAuthenticationForm


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


class ComposedText(forms.ModelForm):
    """A clause's text stored with its letters composed, as a paste and the official texts
    are: the same glyphs ("é" copied as "e" and a combining acute is stored as "é"), so a
    search finds it."""

    def clean_text(self) -> str:
        return composed(self.cleaned_data["text"])


class ClauseInline(admin.StackedInline):
    model = Clause
    form = ComposedText
    extra = 0
    fields = [
        ("position", "section", "number", "anchor"),
        ("key", "language"),
        "text",
        ("text_kind", "complete", "bracketed"),
        "note",
    ]
    readonly_fields = ["anchor"]
    show_change_link = True


class LanguageVersionInline(admin.TabularInline):
    model = LanguageVersion
    extra = 0
    fields = ["language", "text_status", "position"]
    verbose_name = "text in another language"
    verbose_name_plural = "texts in other languages"


class AmendmentInline(admin.StackedInline):
    model = Amendment
    extra = 0
    autocomplete_fields = ["proposer"]
    show_change_link = True


class StaleEditCheck(forms.ModelForm):
    """Refuses to overwrite a save made to the revision since the form was opened.

    `seen_version` carries the revision's version when the editor opened the form (for a
    clause, its revision's); if another save raised it meanwhile, the form is refused with
    the editor's input still in it, so nothing of either edit is lost silently.
    """

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def revision(self) -> Revision | None:
        raise NotImplementedError

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        revision = self.revision()
        self.fields["seen_version"].initial = revision.version if revision else None

    def clean(self):
        cleaned = super().clean()
        revision = self.revision()
        if revision is None or self.instance.pk is None:
            return cleaned
        # Lock the row (on PostgreSQL) so two saves cannot both pass this check.
        current = Revision.objects.select_for_update().filter(pk=revision.pk).first()
        if current is not None and cleaned.get("seen_version") != current.version:
            raise forms.ValidationError(
                "Someone else saved this revision (at %(time)s UTC) after you opened this "
                "form. Your changes are still here but were not saved: open the revision in "
                "a new tab to see theirs, then reapply yours.",
                code="stale",
                params={"time": current.updated_at.strftime("%H:%M:%S")},
            )
        return cleaned


class RevisionForm(StaleEditCheck):
    class Meta:
        model = Revision
        fields = [
            "resolution",
            "position",
            "label",
            "slug",
            "symbol",
            "date",
            "date_precision",
            "date_note",
            "status",
            "text_status",
            "language",
            "follows",
            "rivals",
            "note",
            "published",
        ]

    def revision(self) -> Revision | None:
        return self.instance if self.instance.pk else None


class ClauseForm(StaleEditCheck, ComposedText):
    class Meta:
        model = Clause
        fields = [
            "revision",
            "key",
            "language",
            "section",
            "number",
            "position",
            "text",
            "text_kind",
            "complete",
            "bracketed",
            "note",
        ]

    def revision(self) -> Revision | None:
        return self.instance.revision if self.instance.pk else None


def revision_touch(revision_id: int) -> None:
    """Record a change to the revision (a clause of it was saved on its own page)."""
    Revision.objects.filter(pk=revision_id).update(version=models.F("version") + 1)


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    form = RevisionForm
    list_display = [
        "label",
        "resolution",
        "date",
        "date_precision",
        "status",
        "text_status",
        "published",
    ]
    list_filter = ["published", "resolution", "status", "text_status", "date_precision"]
    actions = ["new_revision_from"]
    readonly_fields = ["version", "updated_at", "preview"]
    list_select_related = ["resolution"]
    search_fields = ["label", "symbol", "note"]
    date_hierarchy = "date"
    autocomplete_fields = ["follows", "rivals"]
    prepopulated_fields = {"slug": ["label"]}
    fieldsets = [
        (None, {"fields": ["resolution", ("position", "label", "slug"), "symbol"]}),
        ("Date", {"fields": [("date", "date_precision"), "date_note"]}),
        ("Status", {"fields": [("status", "text_status", "language"), "note"]}),
        ("Lineage", {"fields": ["follows", "rivals"]}),
        (
            "Publication",
            {"fields": ["preview", "published", ("version", "updated_at"), "seen_version"]},
        ),
    ]
    inlines = [
        SponsorshipInline,
        RevisionSourceInline,
        LanguageVersionInline,
        ClauseInline,
        AmendmentInline,
    ]

    @admin.display(description="Before publishing")
    def preview(self, revision: Revision) -> str:
        """The clause count and the change since the predecessor, with links to the reader's
        pages as they will look (editors see drafts there)."""
        if revision.pk is None:
            return "Save the revision first."
        clauses = revision.clauses.in_main_language().count()
        predecessor = revision_predecessor(revision=revision)
        if predecessor is not None and predecessor.language != revision.language:
            return format_html(
                '{} clause{}; {} is in another language, so not compared. <a href="{}">See '
                "the revision page</a>",
                clauses,
                pluralize(clauses),
                predecessor.label,
                revision.get_absolute_url(),
            )
        if predecessor is None or not clauses:
            return format_html(
                '{} clause{}; no earlier revision with text to compare. <a href="{}">See the '
                "revision page</a>",
                clauses,
                pluralize(clauses),
                revision.get_absolute_url(),
            )
        summary = summarise(
            revision_compare(old=predecessor, new=revision),
            Side(predecessor.label, predecessor.text_status),
            Side(revision.label, revision.text_status),
        ).line
        url = reverse("compare", args=[revision.resolution.slug, predecessor.slug, revision.slug])
        return format_html(
            '{} clause{}; since {}: {}. <a href="{}">Preview the comparison</a> · '
            '<a href="{}">the revision page</a>',
            clauses,
            pluralize(clauses),
            predecessor.label,
            summary,
            url,
            revision.get_absolute_url(),
        )

    def get_changeform_initial_data(self, request) -> dict:
        # A revision added by hand starts as a draft readers do not see.
        return {"published": False, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change) -> None:
        if change:
            obj.version = models.F("version") + 1
        super().save_model(request, obj, form, change)
        obj.refresh_from_db(fields=["version", "updated_at"])
        if warning := revision_date_warning(revision=obj):
            self.message_user(request, warning, messages.WARNING)

    @admin.action(description="New revision from this one (a draft copy to edit)")
    def new_revision_from(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request, "Choose exactly one revision to start the next one from.", "error"
            )
            return None
        new = revision_new_from(revision=queryset.get())
        self.log_addition(request, new, [{"added": {}}])
        self.message_user(
            request,
            f"Created “{new.label}” as an unpublished copy with "
            f"{new.clauses.count()} clauses; edit it, then publish it.",
        )
        return redirect("admin:timeline_revision_change", new.pk)

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
    form = ClauseForm
    fields = [*ClauseForm.Meta.fields, "anchor", "seen_version"]

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        revision_touch(form.instance.revision_id)
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
