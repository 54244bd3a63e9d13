"""The page fetcher against a local server: redirects re-checked, 304, errors, timeouts, size caps, robots."""

import time

import pytest
from werkzeug import Response

from verification.fetching import FetchRefused, page_fetch
from verification.fetching.robots import robots_forget


def test_a_redirect_is_followed_and_each_hop_recorded(local_web):
    local_web.expect_request("/old").respond_with_response(
        Response(status=301, headers={"Location": "/new"})
    )
    local_web.expect_request("/new").respond_with_data("<p>moved here</p>", content_type="text/html")
    fetched = page_fetch(local_web.url_for("/old"))
    assert fetched.status == 200
    assert fetched.body == b"<p>moved here</p>"
    assert fetched.final_url == local_web.url_for("/new")
    assert fetched.redirects == [local_web.url_for("/old")]


def test_a_redirect_to_a_private_address_is_refused(local_web):
    local_web.expect_request("/sneaky").respond_with_response(
        Response(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    )
    with pytest.raises(FetchRefused, match="169.254.169.254"):
        page_fetch(local_web.url_for("/sneaky"))


def test_validators_are_sent_and_a_304_says_not_modified(local_web):
    local_web.expect_request("/feed", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    fetched = page_fetch(local_web.url_for("/feed"), etag='"v1"', last_modified="")
    assert fetched.not_modified
    assert fetched.body == b""


def test_a_404_is_refused_with_the_status(local_web):
    local_web.expect_request("/gone").respond_with_data("not here", status=404)
    with pytest.raises(FetchRefused, match="answered 404"):
        page_fetch(local_web.url_for("/gone"))


def test_a_slow_server_times_out(local_web, settings):
    settings.VERIFICATION_FETCH_TIMEOUT = 0.5

    def slow(request):
        time.sleep(1.5)
        return Response("late", content_type="text/plain")

    local_web.expect_request("/slow").respond_with_handler(slow)
    began = time.monotonic()
    with pytest.raises(FetchRefused, match="did not answer|too long"):
        page_fetch(local_web.url_for("/slow"))
    assert time.monotonic() - began < 1.4


def test_a_huge_page_is_refused_not_truncated(local_web, settings):
    settings.VERIFICATION_FETCH_MAX_BYTES = 100_000
    local_web.expect_request("/huge").respond_with_data("x" * 300_000, content_type="text/html")
    with pytest.raises(FetchRefused, match="100000 bytes"):
        page_fetch(local_web.url_for("/huge"))


def test_robots_txt_is_obeyed(local_web):
    local_web.expect_request("/private/memo").respond_with_data("secret", content_type="text/plain")
    with pytest.raises(FetchRefused, match="robots.txt"):
        page_fetch(local_web.url_for("/private/memo"))
    assert not [r for r, _ in local_web.log if r.path == "/private/memo"]


def test_a_loopback_server_is_refused_unless_an_operator_allows_it(local_web, settings):
    settings.VERIFICATION_FETCH_ALLOWED_HOSTS = []
    local_web.expect_request("/page").respond_with_data("hello", content_type="text/plain")
    with pytest.raises(FetchRefused, match="VERIFICATION_FETCH_ALLOWED_HOSTS"):
        page_fetch(local_web.url_for("/page"))


def test_a_site_whose_robots_txt_fails_is_not_crawled_and_one_without_it_is(local_web):
    local_web.clear()
    local_web.expect_request("/robots.txt").respond_with_data("oops", status=503)
    local_web.expect_request("/page").respond_with_data("hello", content_type="text/plain")
    with pytest.raises(FetchRefused, match="robots.txt"):
        page_fetch(local_web.url_for("/page"))
    robots_forget()
    local_web.clear()
    local_web.expect_request("/robots.txt").respond_with_data("none", status=404)
    local_web.expect_request("/page").respond_with_data("hello", content_type="text/plain")
    assert page_fetch(local_web.url_for("/page")).body == b"hello"
