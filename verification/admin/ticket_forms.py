"""The ticket page's buttons as small forms: each validates what one button posts."""

from __future__ import annotations

from typing import Any

from django import forms

from verification.choices import Decision, TicketStatus


class TicketEditForm(forms.Form):
    """Carry the ticket version the page showed, so a change made on an older page is refused."""

    version = forms.IntegerField(required=False, min_value=0)

    def unsaved_text(self) -> str:
        """Return what the reviewer typed on the page (rationales, notes), to show back if refused."""
        typed = (v.strip() for k, v in self.data.items() if k.startswith(("rationale-", "note-")))
        return " ".join(t for t in typed if t)


class DecisionForm(TicketEditForm):
    """Accept or reject one candidate: the button says "<candidate id>:<decision>:<decision seen>"."""

    decide = forms.CharField(max_length=100)

    def clean_decide(self) -> tuple[int, str, str]:
        parts = self.cleaned_data["decide"].split(":")
        if len(parts) != 3 or not parts[0].isdigit():
            raise forms.ValidationError("That button is not one this page shows; reload the page.")
        candidate_id, decision, seen = parts
        if decision not in Decision.values or seen not in Decision.values:
            raise forms.ValidationError(f"'{decision}' is not a decision; reload the page.")
        return int(candidate_id), decision, seen

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "decide" in cleaned:
            candidate_id, decision, seen = cleaned["decide"]
            cleaned.update(
                candidate_id=candidate_id,
                decision=decision,
                expected_decision=seen,
                # Each candidate's row has its own note box, named after it.
                note=self.data.get(f"note-{candidate_id}", ""),
            )
        return cleaned


class TransitionForm(TicketEditForm):
    """Move the ticket to a status, with the rationale typed in that status's box."""

    transition = forms.ChoiceField(choices=TicketStatus.choices)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "transition" in cleaned:
            cleaned["rationale"] = self.data.get(f"rationale-{cleaned['transition']}", "")
        return cleaned


class AssignForm(TicketEditForm):
    """Hand the ticket to someone: a user id, "" for nobody, or "chosen" for the reviewer picked."""

    assign = forms.CharField(required=False, max_length=20)
    assignee = forms.IntegerField(required=False, min_value=1)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        choice = cleaned.get("assign", "")
        if choice == "chosen":
            cleaned["assignee_id"] = cleaned.get("assignee")
        elif choice == "":
            cleaned["assignee_id"] = None
        elif choice.isdigit():
            cleaned["assignee_id"] = int(choice)
        else:
            raise forms.ValidationError("Choose a reviewer to assign, then try again.")
        return cleaned


class RecorroborateForm(TicketEditForm):
    """Queue a fresh search for candidate sources."""
