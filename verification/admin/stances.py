"""The page on which a reviewer corrects a candidate's stance: a Django admin view with a small form."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from verification import services
from verification.choices import Stance
from verification.errors import DomainError
from verification.models import CandidateSource


class StanceCorrectionForm(forms.Form):
    """The stance a candidate should count with, why, and the version of the ticket it was decided on."""

    stance = forms.ChoiceField(choices=Stance.choices, widget=forms.RadioSelect)
    rationale = forms.CharField(
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60, "placeholder": "Why: what the passage says"}),
        help_text="Kept in the ticket's history and exported with the label for training.",
    )
    expected_stance = forms.ChoiceField(choices=Stance.choices, widget=forms.HiddenInput)
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


def candidate_stance_view(
    model_admin, request: HttpRequest, object_id: str, candidate_id: int
) -> HttpResponse:
    """Show a candidate with the machine's cues and a form to correct its stance; save through the service."""
    ticket = model_admin.get_object(request, object_id)
    if ticket is None:
        raise Http404("No such ticket.")
    if not model_admin.has_change_permission(request, ticket):
        raise PermissionDenied
    candidate = (
        CandidateSource.objects.select_related("passage__document", "stance_corrected_by")
        .filter(ticket=ticket, pk=candidate_id)
        .first()
    )
    if candidate is None:
        raise Http404("That source is not one of this ticket's candidates.")
    ticket_url = reverse("admin:verification_ticket_change", args=[ticket.pk])
    initial = {"stance": candidate.stance, "expected_stance": candidate.stance, "version": ticket.version}
    form = StanceCorrectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.candidate_stance_correct(
                candidate_id=candidate.pk,
                ticket_id=ticket.pk,
                stance=form.cleaned_data["stance"],
                rationale=form.cleaned_data["rationale"],
                expected_stance=form.cleaned_data["expected_stance"],
                expected_version=form.cleaned_data["version"],
                actor=cast(User, request.user),  # the admin lets in only signed-in staff
            )
        except DomainError as exc:  # a stale edit, a guard, a missing rationale: shown, nothing lost
            form.add_error(None, str(exc))
        else:
            label = Stance(form.cleaned_data["stance"]).label.lower()
            model_admin.message_user(
                request, f"Candidate {candidate.pk} now counts as {label}.", messages.SUCCESS
            )
            return HttpResponseRedirect(f"{ticket_url}#vd-candidate-{candidate.pk}")
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"Correct the stance of a source for ticket #{ticket.pk}",
        "opts": model_admin.model._meta,
        "ticket": ticket,
        "candidate": candidate,
        "form": form,
        "ticket_url": ticket_url,
    }
    return TemplateResponse(request, "admin/verification/ticket/candidate_stance.html", context)
