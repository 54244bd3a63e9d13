"""Cursor pagination over the primary key: stable pages while rows are added, no COUNT query."""

from rest_framework.pagination import CursorPagination


class IdCursorPagination(CursorPagination):
    """Newest first by id (unique and indexed), with a page size the caller may lower or raise to 200."""

    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 200
