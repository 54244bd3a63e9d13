"""Every door that writes (admin actions, the ticket page's buttons, API write views) calls a service.

Read from the code rather than driven one by one: the walk finds every admin action, every
button view and every API operation that writes, including ones added later, and fails for any
whose code writes rows itself instead of calling a function of `verification.services`. What
each service then does is tested where the service is (tests/services/, tests/api/, tests/admin/).
"""

import ast
import inspect
import textwrap

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework import mixins

from verification import services
from verification.admin.ticket_views import DESK_ACTIONS

SERVICES = set(services.__all__)
WRITE_METHODS = {"post", "put", "patch", "delete"}
# Django's and DRF's own implementations write rows directly; a door must replace them.
DIRECT_WRITES = {"save", "delete", "create", "update", "bulk_create", "bulk_update", "get_or_create"}


def _calls(function) -> tuple[set[str], set[str]]:
    """Return the services a function calls (services.<name>) and the ORM-style writes it makes."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    called, writes = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name) and owner.id == "services":
                called.add(node.func.attr)
            elif node.func.attr in DIRECT_WRITES:
                writes.add(node.func.attr)
    return called, writes


def _assert_calls_a_service(door: str, function) -> None:
    called, writes = _calls(function)
    assert called & SERVICES, f"{door} calls no function of verification.services"
    assert called <= SERVICES, f"{door} calls {sorted(called - SERVICES)}, which services does not export"
    assert not writes, f"{door} writes directly ({sorted(writes)}) instead of through a service"


def _desk_admins():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label == "verification"
    ]


ADMIN_ACTIONS = [
    pytest.param(model_admin, name, id=f"{type(model_admin).__name__}.{name}")
    for _, model_admin in _desk_admins()
    for name in (model_admin.actions or [])
    if isinstance(name, str)
]


@pytest.mark.parametrize(("model_admin", "name"), ADMIN_ACTIONS)
def test_each_admin_action_calls_a_service(model_admin, name):
    _assert_calls_a_service(f"admin action {name}", getattr(type(model_admin), name))


def test_the_walk_finds_the_admin_actions():
    assert len(ADMIN_ACTIONS) >= 5  # the queue's four bulk actions, documents, deliveries


@pytest.mark.parametrize("action", DESK_ACTIONS, ids=[a.name for a in DESK_ACTIONS])
def test_each_ticket_page_button_calls_a_service(action):
    _assert_calls_a_service(f"ticket page button {action.name}", action.perform)


@pytest.mark.parametrize(("model", "model_admin"), _desk_admins(), ids=lambda v: getattr(v, "__name__", ""))
def test_deleting_from_the_admin_goes_through_a_service_or_is_not_allowed(rf, admin_user, model, model_admin):
    request = rf.get("/")
    request.user = admin_user
    if not model_admin.has_delete_permission(request):
        return
    for hook in ("delete_model", "delete_queryset"):
        implementation = getattr(type(model_admin), hook)
        assert implementation is not getattr(admin.ModelAdmin, hook), (
            f"{type(model_admin).__name__} may delete but its {hook} is Django's own"
        )
        _assert_calls_a_service(f"{type(model_admin).__name__}.{hook}", implementation)


def _api_views(patterns=None, prefix=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _api_views(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and (prefix + str(pattern.pattern)).startswith("api/"):
            yield prefix + str(pattern.pattern), pattern.callback


def _write_handlers():
    """Yield (route, method, function) for each API operation that writes."""
    seen = set()
    for route, callback in _api_views():
        view = getattr(callback, "cls", None)
        if view is None:
            continue
        actions = getattr(callback, "actions", None) or {m: m for m in WRITE_METHODS if hasattr(view, m)}
        for method, name in actions.items():
            if method not in WRITE_METHODS or (view, name) in seen:
                continue
            seen.add((view, name))
            handler = getattr(view, name)
            # DRF's own destroy calls perform_destroy: the door is whatever the view puts there.
            if handler is mixins.DestroyModelMixin.destroy:
                handler = view.perform_destroy
            yield route, method, view, handler


API_WRITES = [
    pytest.param(view, handler, id=f"{method.upper()} {route}")
    for route, method, view, handler in _write_handlers()
]


@pytest.mark.parametrize(("view", "handler"), API_WRITES)
def test_each_api_write_calls_a_service(view, handler):
    drf_own = {
        mixins.CreateModelMixin.create,
        mixins.CreateModelMixin.perform_create,
        mixins.UpdateModelMixin.update,
        mixins.UpdateModelMixin.partial_update,
        mixins.UpdateModelMixin.perform_update,
        mixins.DestroyModelMixin.perform_destroy,
    }
    assert handler not in drf_own, f"{view.__name__} writes through DRF's {handler.__name__}"
    _assert_calls_a_service(f"{view.__name__}.{handler.__name__}", handler)


def test_the_walk_finds_the_api_writes():
    names = {handler.__name__ for _, _, _, handler in _write_handlers()}
    assert {"transition", "decision", "post", "create", "partial_update", "perform_destroy"} <= names
