"""Watched sources (changed through the source service, failing ones flagged), archived copies and
known fact-checks."""

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html

from verification import services
from verification.errors import DomainError
from verification.fetching import UnsafeAddress, fetch_allowed_hosts, public_target
from verification.models import ArchivedPage, KnownFactCheck, Source

from .queue import CappedPaginator
from .rendering import badge

EDITABLE = ["name", "kind", "url", "poll_seconds", "enabled"]


class SourceForm(forms.ModelForm):
    url = forms.URLField(max_length=2000, assume_scheme="https")

    class Meta:
        model = Source
        fields = EDITABLE

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            public_target(url, allowed_hosts=fetch_allowed_hosts())
        except UnsafeAddress as exc:
            raise forms.ValidationError(str(exc)) from exc
        return url


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceForm
    list_display = [
        "name", "kind", "url", "poll_seconds", "enabled", "health", "last_polled_at", "short_error"
    ]  # fmt: skip
    list_filter = ["kind", "enabled"]
    search_fields = ["name", "url"]
    actions = ["poll_now"]
    readonly_fields = ["health", "last_polled_at", "last_succeeded_at", "consecutive_failures", "last_error"]

    class Media:
        css = {"all": ["verification/admin.css"]}

    @admin.display(description="Health", ordering="-consecutive_failures")
    def health(self, source):
        if source.failing:
            return badge("#b91c1c", f"failing: {source.consecutive_failures} polls in a row")
        if source.consecutive_failures:
            return badge("#92400e", f"{source.consecutive_failures} failed poll(s)")
        return badge("#15803d", "ok") if source.last_succeeded_at else badge("#6b7280", "not polled yet")

    @admin.display(description="Last error")
    def short_error(self, source):
        return source.last_error[:120]

    def save_model(self, request, obj, form, change):
        fields = {name: form.cleaned_data[name] for name in EDITABLE}
        try:
            if change:
                changed = {name: fields[name] for name in form.changed_data if name in fields}
                saved = services.source_update(source_id=obj.pk, **changed)
            else:
                saved = services.source_create(**fields)
        except DomainError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        services.source_delete(source_id=obj.pk)

    def delete_queryset(self, request, queryset):
        for pk in queryset.values_list("pk", flat=True):
            services.source_delete(source_id=pk)

    @admin.action(description="Poll the selected sources now", permissions=["change"])
    def poll_now(self, request, queryset):
        for pk in queryset.values_list("pk", flat=True):
            services.source_poll_request(source_id=pk)
        self.message_user(request, f"Polls queued for {queryset.count()} source(s).", messages.SUCCESS)


@admin.register(ArchivedPage)
class ArchivedPageAdmin(admin.ModelAdmin):
    list_display = ["final_url", "status", "fetched_at", "size", "sha256", "document", "copy"]
    list_filter = ["status", "source"]
    search_fields = ["url", "final_url", "sha256"]
    list_select_related = ["document"]
    show_full_result_count = False
    paginator = CappedPaginator
    readonly_fields = [f.name for f in ArchivedPage._meta.fields] + ["copy"]

    @admin.display(description="Archived copy")
    def copy(self, page):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">page as fetched</a> · <a href="{}">WARC</a>',
            reverse("archive-content", args=[page.pk]),
            reverse("archive-warc", args=[page.pk]),
        )

    def has_delete_permission(self, request, obj=None):
        # A record of what was seen is evidence: it is kept, never deleted by hand.
        return False

    def has_add_permission(self, request):
        return False  # archived copies are made by fetching, never by hand

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(KnownFactCheck)
class KnownFactCheckAdmin(admin.ModelAdmin):
    list_display = ["claim_text", "rating", "author", "reviewed_on", "link"]
    list_filter = ["author", "reviewed_on"]
    search_fields = ["claim_text", "author", "rating"]
    show_full_result_count = False
    paginator = CappedPaginator
    readonly_fields = ["claim_text", "claimant", "rating", "author", "reviewed_on", "url", "imported_at"]

    @admin.display(description="Fact-check")
    def link(self, factcheck):
        return format_html('<a href="{}" rel="noopener noreferrer">{}</a>', factcheck.url, factcheck.url)

    def has_delete_permission(self, request, obj=None):
        # A record of what was seen is evidence: it is kept, never deleted by hand.
        return False

    def has_add_permission(self, request):
        return False  # imported (manage.py import_claimreview) or found in fetched pages
