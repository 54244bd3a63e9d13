"""The ticket page's buttons as admin views: a form validates the POST, one service does the work.

Each button is a `DeskAction`: its URL segment, its form, and a function that calls one service
and says what happened. `TicketAdmin.get_urls()` serves every action in `DESK_ACTIONS` at
`<ticket id>/<name>/`, wrapped in the admin site's login and permission checks; the page's
buttons post there with `formaction`. A new button is a form, a `perform` function and one
entry in `DESK_ACTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import reverse

from verification import services
from verification.errors import DomainError, StaleEdit
from verification.models import CandidateSource, Ticket

from .ticket_forms import AssignForm, DecisionForm, RecorroborateForm, TicketEditForm, TransitionForm

# What a performed action tells the reviewer: a messages level and the text.
Outcome = tuple[int, str]


@dataclass(frozen=True)
class DeskAction:
    """One button of the ticket page."""

    name: str
    form_class: type[TicketEditForm]
    perform: Callable[[HttpRequest, Ticket, dict[str, Any]], Outcome]


def _actor(request: HttpRequest) -> User:
    """Return the signed-in reviewer (admin_view lets no anonymous user through to these views)."""
    return cast(User, request.user)


def _decide(request: HttpRequest, ticket: Ticket, data: dict[str, Any]) -> Outcome:
    services.candidate_decide(
        candidate_id=data["candidate_id"],
        ticket_id=ticket.pk,
        decision=data["decision"],
        expected_decision=data["expected_decision"],
        expected_version=data["version"],
        note=data["note"],
        actor=_actor(request),
    )
    return messages.SUCCESS, f"Candidate {data['candidate_id']} {data['decision']}."


def _transition(request: HttpRequest, ticket: Ticket, data: dict[str, Any]) -> Outcome:
    updated = services.ticket_transition(
        ticket_id=ticket.pk,
        to_status=data["transition"],
        rationale=data["rationale"],
        expected_version=data["version"],
        actor=_actor(request),
    )
    return messages.SUCCESS, f"Ticket is now {updated.get_status_display().lower()}."


def _assign(request: HttpRequest, ticket: Ticket, data: dict[str, Any]) -> Outcome:
    updated = services.ticket_assign(
        ticket_id=ticket.pk,
        assignee_id=data["assignee_id"],
        actor=_actor(request),
        expected_version=data["version"],
    )
    who = updated.assignee.get_username() if updated.assignee else "nobody"
    return messages.SUCCESS, f"Ticket assigned to {who}."


def _recorroborate(request: HttpRequest, ticket: Ticket, data: dict[str, Any]) -> Outcome:
    services.tickets_corroboration_request(ticket_ids=[ticket.pk], actor=_actor(request))
    return messages.INFO, "Corroboration queued; new candidates appear on reload."


DESK_ACTIONS = [
    DeskAction("decide", DecisionForm, _decide),
    DeskAction("transition", TransitionForm, _transition),
    DeskAction("assign", AssignForm, _assign),
    DeskAction("recorroborate", RecorroborateForm, _recorroborate),
]


def url_name(action: DeskAction) -> str:
    """Return the admin URL name of an action's view, e.g. "verification_ticket_decide"."""
    return f"verification_ticket_{action.name}"


def _form_errors(form: forms.Form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def desk_action_view(
    model_admin: admin.ModelAdmin, action: DeskAction
) -> Callable[..., HttpResponse]:
    """Return the view that runs one button's action on a ticket, then goes back to its page."""

    def view(request: HttpRequest, object_id: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        ticket = model_admin.get_object(request, unquote(object_id))
        if ticket is None:
            # Answer as the admin does for any missing or malformed id.
            return model_admin._get_obj_does_not_exist_redirect(  # type: ignore[attr-defined]
                request, model_admin.opts, object_id
            )  # a private admin helper the stubs leave out; it is what change_view itself answers
        if not model_admin.has_change_permission(request, ticket):
            raise PermissionDenied
        page = HttpResponseRedirect(reverse("admin:verification_ticket_change", args=[ticket.pk]))
        form = action.form_class(request.POST)
        if not form.is_valid():
            model_admin.message_user(request, _form_errors(form), messages.ERROR)
            return page
        try:
            level, text = action.perform(request, ticket, form.cleaned_data)
        except CandidateSource.DoesNotExist:
            level = messages.ERROR
            text = "That source is not one of this ticket's candidates; reload the page."
        except StaleEdit as exc:
            unsaved = form.unsaved_text()
            level, text = messages.ERROR, f"{exc} Your unsaved text: “{unsaved}”" if unsaved else str(exc)
        except DomainError as exc:
            level, text = messages.ERROR, str(exc)
        model_admin.message_user(request, text, level)
        return page

    view.__name__ = f"ticket_{action.name}_view"
    return view
